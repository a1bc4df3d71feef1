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
            case FetchEvent.Downloading(DownloadEvent.Progress p) -> show("Downloading " + size(p.bytes())
                    + (p.total() > 0 ? " of " + size(p.total()) : "") + "  " + size((long) p.bytesPerSecond()) + "/s");
            case FetchEvent.Downloading(DownloadEvent.Retrying r) -> {
                end();
                err.println("Connection dropped (" + words.failure(r.reason()) + "); trying again"
                        + (r.fromByte() > 0 ? " from " + size(r.fromByte()) : "") + ".");
            }
            case FetchEvent.Downloading(DownloadEvent.Finished f) -> {
                end();
                if (f.fromCache()) {
                    err.println("Using the cached download.");
                }
            }
            case FetchEvent.Downloading d -> { }
            case FetchEvent.Extracting(var p) -> show("Extracting: " + p.entries() + " entries, " + size(p.bytes()));
            case FetchEvent.Discovered d -> end();
        }
        err.flush();
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
