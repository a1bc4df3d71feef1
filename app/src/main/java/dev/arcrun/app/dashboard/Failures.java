package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.progress.CoreWords;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineApiException;
import java.util.Locale;

/** Turns a failure into one line a person can act on. */
final class Failures {
    private Failures() {}

    static String text(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof ArcrunException) && t.getCause() != null) {
            t = t.getCause();
        }
        CoreWords words = new CoreWords(new I18n(Locale.getDefault())); // the app's language (ArcrunApp's I18n)
        return words.text(failure);
    }

    /**
     * What someone helping needs, for the Details view: the engine's code and HTTP status, the step, and the raw
     * message of every cause. Exceptions never carry secrets (core's rule), so this may be copied freely.
     */
    static String details(Throwable failure) {
        StringBuilder b = new StringBuilder();
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof EngineApiException e) {
                line(b, "http status", String.valueOf(e.status()));
                line(b, "engine code", e.code());
                line(b, "engine message", e.engineMessage());
            }
            line(b, t.getClass().getSimpleName(), t.getMessage());
            if (t instanceof ArcrunException u) {
                line(b, "advice", u.advice());
            }
        }
        return b.toString().strip();
    }

    /** A step's failure as the engine reported it. */
    static String details(String step, String code, String message) {
        StringBuilder b = new StringBuilder();
        line(b, "step", step);
        line(b, "engine code", code);
        line(b, "message", message);
        return b.toString().strip();
    }

    private static void line(StringBuilder b, String what, String value) {
        if (value != null && !value.isBlank()) {
            b.append(what).append(": ").append(value).append('\n');
        }
    }

    /** The engine's own reason for a 400 (what is wrong with the document), or null for any other failure. */
    static String engineReason(Throwable failure) {
        return failure instanceof EngineApiException e && e.status() == 400 ? e.engineMessage() : null;
    }
}
