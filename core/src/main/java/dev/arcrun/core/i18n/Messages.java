package dev.arcrun.core.i18n;

import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.core.install.PlanAction;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Core's message catalog (English and Traditional Chinese): the one place where core's facts become sentences. The
 * CLI and the app render with it, each in the user's locale; neither parses core's text.
 */
public final class Messages {
    public static final String BUNDLE = "dev.arcrun.core.i18n.messages";

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        // no fallback to the machine's default locale: a user who chose English gets English
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        try {
            String text = bundle.getString(key);
            return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible, and caught by the catalog test; never a crash
        }
    }

    public String render(PlanAction action) {
        return get("plan." + action.code(), action.args().toArray());
    }

    /** The cause of an engine failure, without a closing mark: each face adds its advice or ends the sentence. */
    public String render(EngineFailure failure) {
        return get(failure.messageKey(), failure.args());
    }

    public Locale locale() {
        return bundle.getLocale();
    }
}
