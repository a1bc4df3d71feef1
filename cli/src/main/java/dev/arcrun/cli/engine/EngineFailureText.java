package dev.arcrun.cli.engine;

import dev.arcrun.core.engineclient.EngineAdvice;
import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.core.i18n.Messages;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** An engine failure in the CLI's words: core's cause, then the command that helps, never a button. */
public final class EngineFailureText {
    public static final String BUNDLE = "dev.arcrun.cli.engine.advice";

    private final Messages core;
    private final ResourceBundle advice;

    public EngineFailureText(Locale locale) {
        this.core = new Messages(locale);
        this.advice = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String of(EngineFailure failure) {
        String cause = core.render(failure);
        if (failure.advice() == EngineAdvice.NONE) {
            return format("failure.plain", cause);
        }
        String what = format(failure.adviceKey(""), failure.args());
        return format(failure.code().detailed() ? "failure.detailed" : "failure.advised", cause, what);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(advice.getString(key), advice.getLocale()).format(args);
    }
}
