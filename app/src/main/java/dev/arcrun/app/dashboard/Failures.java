package dev.arcrun.app.dashboard;

import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineApiException;

/** Turns a failure into one line a person can act on. */
final class Failures {
    private Failures() {}

    static String text(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof ArcrunException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof dev.arcrun.sdk.EngineUnreachableException u) {
            return u.getMessage(); // its advice names CLI commands; the header's health badge and refresh say the rest here
        }
        if (t instanceof ArcrunException u) {
            return u.oneLine();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The engine's own reason for a 400 (what is wrong with the document), or null for any other failure. */
    static String engineReason(Throwable failure) {
        return failure instanceof EngineApiException e && e.status() == 400 ? e.engineMessage() : null;
    }
}
