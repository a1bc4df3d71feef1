package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.progress.CoreWords;
import dev.arcrun.core.engineclient.EngineFailure;

/** An engine failure in the app's words: core's cause, then what to do here (a tab, a page), never a command. */
final class EngineFailureText {
    private EngineFailureText() {}

    static String of(I18n i18n, EngineFailure failure) {
        return new CoreWords(i18n).engineFailure(failure);
    }
}
