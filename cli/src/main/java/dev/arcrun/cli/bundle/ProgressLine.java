package dev.arcrun.cli.bundle;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.bundle.FetchEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** Renders fetch events as one self-overwriting line on a terminal's stderr. */
final class ProgressLine implements Consumer<FetchEvent> {
    private final PrintWriter err;
    private final Words words;
    private boolean open;

    ProgressLine(PrintWriter err) {
        this(err, Words.current());
    }

    ProgressLine(PrintWriter err, Words words) {
        this.err = err;
        this.words = words;
    }

    /** Progress only makes sense on a terminal; piped stderr gets none of it. */
    static Consumer<FetchEvent> forTerminal(PrintWriter err) {
        java.io.Console c = System.console();
        return c != null && c.isTerminal() ? new ProgressLine(err) : e -> {};
    }

    @Override
    public void accept(FetchEvent e) {
        switch (e) {
            case FetchEvent.Downloading(DownloadEvent.Progress p) -> show(p.total() > 0
                    ? words.get("fetch.downloading_of", size(p.bytes()), size(p.total()), size((long) p.bytesPerSecond()))
                    : words.get("fetch.downloading", size(p.bytes()), size((long) p.bytesPerSecond())));
            case FetchEvent.Downloading(DownloadEvent.Retrying r) -> {
                end();
                err.println(retrying(words, r));
            }
            case FetchEvent.Downloading(DownloadEvent.Finished f) -> {
                end();
                if (f.fromCache()) {
                    err.println(words.get("fetch.cached"));
                }
            }
            case FetchEvent.Downloading d -> { }
            case FetchEvent.Extracting(var p) -> show(words.get("fetch.extracting", String.valueOf(p.entries()), size(p.bytes())));
            case FetchEvent.Discovered d -> end();
        }
        err.flush();
    }

    /** A dropped connection that is tried again, from the byte it reached when the server can resume. */
    static String retrying(Words words, DownloadEvent.Retrying r) {
        return r.fromByte() > 0 ? words.get("download.retrying_from", words.failure(r.reason()), size(r.fromByte()))
                : words.get("download.retrying", words.failure(r.reason()));
    }

    private void show(String text) {
        err.print("\r" + text + "\u001b[K");
        open = true;
    }

    private void end() {
        if (open) {
            err.println();
            open = false;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
