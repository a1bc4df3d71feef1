package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.engineclient.EngineAdvice;
import dev.arcrun.core.engineclient.EngineFailure;

/** An engine failure in the app's words: core's cause, then what to do here (a tab, a page), never a command. */
final class EngineFailureText {
    private EngineFailureText() {}

    static String of(I18n i18n, EngineFailure failure) {
        String cause = i18n.core().render(failure);
        if (failure.advice() == EngineAdvice.NONE) {
            return i18n.get("engine.failure.plain", cause);
        }
        String advice = i18n.get(failure.adviceKey("engine.advice."), failure.args());
        return i18n.get(failure.code().detailed() ? "engine.failure.detailed" : "engine.failure.advised", cause, advice);
    }
}
