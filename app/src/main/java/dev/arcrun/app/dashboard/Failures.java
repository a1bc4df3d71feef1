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
        if (t instanceof dev.arcrun.sdk.EngineUnreachableException || t instanceof dev.arcrun.sdk.EngineUnavailableException) {
            return t.getMessage(); // its advice names CLI commands; the header's health badge and refresh say the rest here
        }
        return words.text(failure);
    }

    /** The engine's own reason for a 400 (what is wrong with the document), or null for any other failure. */
    static String engineReason(Throwable failure) {
        return failure instanceof EngineApiException e && e.status() == 400 ? e.engineMessage() : null;
    }
}
