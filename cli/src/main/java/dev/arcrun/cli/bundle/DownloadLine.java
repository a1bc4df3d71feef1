package dev.arcrun.cli.bundle;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.bundle.DownloadEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * A download's progress among other output lines (the toolchain's Node.js and npm during {@code arcrun local start}):
 * on a terminal one self-overwriting line, closed before the next ordinary line; elsewhere (pipes, CI logs) a plain
 * line at each quarter, so a log shows that it moves without hundreds of redraws.
 */
public final class DownloadLine implements Consumer<DownloadEvent> {
    private final PrintWriter out;
    private final boolean terminal;
    private final Words words;
    private boolean open;
    private int quartersShown;

    public DownloadLine(PrintWriter out, boolean terminal) {
        this(out, terminal, Words.current());
    }

    public DownloadLine(PrintWriter out, boolean terminal, Words words) {
        this.out = out;
        this.terminal = terminal;
        this.words = words;
    }

    /** True when stdout is a terminal that can redraw a line. */
    public static boolean onTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    /** "12.0 MiB of 52.1 MiB, 4.2 MiB/s" (without the total when the server did not say it). */
    public static String describe(Words words, long bytes, long total, double bytesPerSecond) {
        String speed = ProgressLine.size((long) bytesPerSecond);
        return total > 0 ? words.get("download.size_of", ProgressLine.size(bytes), ProgressLine.size(total), speed)
                : words.get("download.size", ProgressLine.size(bytes), speed);
    }

    @Override
    public synchronized void accept(DownloadEvent e) {
        switch (e) {
            case DownloadEvent.Started s -> quartersShown = 0;
            case DownloadEvent.Progress p -> progress(p);
            case DownloadEvent.Retrying r -> println(ProgressLine.retrying(words, r));
            case DownloadEvent.Finished f -> println(words.get(f.fromCache() ? "download.finished_cached" : "download.finished",
                    ProgressLine.size(f.bytes())));
        }
    }

    private void progress(DownloadEvent.Progress p) {
        String text = "    " + words.get("download.progress", describe(words, p.bytes(), p.total(), p.bytesPerSecond()));
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
            open = true;
            out.flush();
            return;
        }
        int quarter = p.total() > 0 ? (int) Math.min(4, p.bytes() * 4 / p.total()) : 0;
        if (quarter > quartersShown && quarter < 4) { // the whole download is the "Downloaded" line
            quartersShown = quarter;
            println(text);
        }
    }

    /** An ordinary line: closes an open progress line first, so the two never run together. */
    public synchronized void println(String text) {
        if (open) {
            out.print("\r\u001b[K");
            open = false;
        }
        out.println(text);
        out.flush();
    }
}
