package dev.arcrun.cli.install;

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

    public InstallEventPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void on(InstallEvent event) {
        switch (event) {
            case InstallEvent.Started s -> line(prefix(s.step()) + s.step().title() + " …");
            case InstallEvent.Progress p -> progress(p);
            case InstallEvent.Log l -> line("    " + (l.source().isEmpty() ? "" : l.source() + " | ") + l.text());
            case InstallEvent.Succeeded s -> line(prefix(s.step()) + (warned.contains(s.step()) ? "! " : "✓ ") + s.summary()
                    + String.format(Locale.ROOT, " (%.1f s)", s.took().toMillis() / 1000.0));
            case InstallEvent.Skipped s -> line(prefix(s.step()) + "– " + s.step().title() + ": skipped, " + s.reason());
            case InstallEvent.Warning w -> warn(w);
            case InstallEvent.Failed f -> line(prefix(f.step()) + "✗ " + f.cause() + (f.advice().isEmpty() ? "" : " " + f.advice()));
        }
        out.flush();
    }

    private void warn(InstallEvent.Warning w) {
        warned.add(w.step());
        line(prefix(w.step()) + "! " + w.message() + (w.advice().isEmpty() ? "" : " " + w.advice()));
    }

    private void progress(InstallEvent.Progress p) {
        if (!terminal) {
            return; // a log file wants results, not redraws
        }
        String bar;
        if (p.fraction() < 0) {
            bar = "";
        } else {
            int filled = (int) Math.round(Math.min(1, p.fraction()) * BAR);
            bar = "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%% ", Math.round(p.fraction() * 100));
        }
        out.print("\r    " + bar + p.message() + "\u001b[K");
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
