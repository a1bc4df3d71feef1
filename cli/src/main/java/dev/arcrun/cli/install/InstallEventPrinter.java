package dev.arcrun.cli.install;

import dev.arcrun.cli.bundle.DownloadLine;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.StepId;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Renders pipeline events for a person: on a terminal one live progress line per step (redrawn with '\r'),
 * elsewhere (pipes, CI logs) plain lines only. Tool output is shown indented under its step.
 */
public final class InstallEventPrinter implements InstallListener {
    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private boolean progressLineOpen;
    /** Steps that warned: they end with "!", never with a ✓ that would claim full success. */
    private final java.util.Set<StepId> warned = java.util.EnumSet.noneOf(StepId.class);

    private final boolean colour;
    private final Words words;
    /** Per step, the quarters of a download already shown as plain lines (a new download starts below). */
    private final java.util.Map<StepId, Integer> quartersShown = new java.util.EnumMap<>(StepId.class);

    public InstallEventPrinter(PrintWriter out, boolean terminal) {
        this(out, terminal, terminal && colourAllowed(System.getenv()), Words.current());
    }

    InstallEventPrinter(PrintWriter out, boolean terminal, boolean colour, Words words) {
        this.out = out;
        this.terminal = terminal;
        this.colour = colour;
        this.words = words;
    }

    /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb. */
    static boolean colourAllowed(java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    private String paint(String mark, String ansi) {
        return colour ? "\u001b[" + ansi + "m" + mark + "\u001b[0m" : mark;
    }

    @Override
    public synchronized void on(InstallEvent event) {
        switch (event) {
            case InstallEvent.Started s -> line(prefix(s.step()) + words.step(s.step()) + " …");
            case InstallEvent.Progress p -> progress(p);
            case InstallEvent.Log l -> line("    " + (l.source().isEmpty() ? "" : l.source() + " | ") + words.line(l.note(), l.text()));
            case InstallEvent.Succeeded s -> line(prefix(s.step()) + (warned.contains(s.step()) ? paint("!", "33") + " " : paint("✓", "32") + " ")
                    + words.note(s.summary()) + String.format(Locale.ROOT, " (%.1f s)", s.took().toMillis() / 1000.0));
            case InstallEvent.Skipped s -> line(prefix(s.step()) + "– " + words.get("install.skipped", words.step(s.step()), words.note(s.reason())));
            case InstallEvent.Warning w -> warn(w);
            case InstallEvent.Failed f -> line(prefix(f.step()) + paint("✗", "31") + " " + words.join(words.failure(f.cause()), words.advice(f.advice())));
            case InstallEvent.Cancelled c -> line(prefix(c.step()) + paint("✗", "31") + " " + words.get("install.step_cancelled", words.step(c.step())));
        }
        out.flush();
    }

    private void warn(InstallEvent.Warning w) {
        warned.add(w.step());
        line(prefix(w.step()) + paint("!", "33") + " " + words.join(words.failure(w.problem()), words.advice(w.advice())));
    }

    private void progress(InstallEvent.Progress p) {
        String note = words.note(p.note());
        String text = p.transfer().map(t -> note + ": " + DownloadLine.describe(words, t.bytes(), t.total(), t.bytesPerSecond()))
                .orElse(note);
        if (!terminal) {
            // a log file wants results, not redraws; a long download (the toolchain's Node.js) a line per quarter,
            // and a wait Cloudflare asked for a line of its own (it may last minutes)
            if (p.note().code() == dev.arcrun.core.install.Note.Code.CLOUDFLARE_WAITING) {
                line("    " + text);
                return;
            }
            if (p.transfer().isPresent() && p.fraction() >= 0) {
                int quarter = (int) Math.min(4, p.fraction() * 4);
                if (quarter < quartersShown.getOrDefault(p.step(), 0)) {
                    quartersShown.put(p.step(), 0); // the next file of the step (npm after Node.js)
                }
                if (quarter > quartersShown.getOrDefault(p.step(), 0) && quarter < 4) {
                    quartersShown.put(p.step(), quarter);
                    line("    " + text);
                }
            }
            return;
        }
        String bar;
        if (p.fraction() < 0) {
            bar = "";
        } else {
            int filled = (int) Math.round(Math.min(1, p.fraction()) * BAR);
            bar = "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%% ", Math.round(p.fraction() * 100));
        }
        out.print("\r    " + bar + text + "\u001b[K");
        progressLineOpen = true;
    }

    private void line(String text) {
        if (progressLineOpen) {
            out.print("\r\u001b[K");
            progressLineOpen = false;
        }
        out.println(text);
    }

    private static String prefix(StepId step) {
        return String.format(Locale.ROOT, "[%2d/%d] ", step.ordinal() + 1, StepId.values().length);
    }
}
