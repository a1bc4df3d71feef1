package dev.arcrun.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Looks up UI strings by dotted key ({@code home.local.title}) in the English or Traditional Chinese bundle. */
public final class I18n {
    public static final String BUNDLE = "dev.arcrun.app.i18n.messages";

    private final ResourceBundle bundle;
    private final dev.arcrun.core.i18n.Messages core;

    public I18n(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.core = new dev.arcrun.core.i18n.Messages(bundle.getLocale());
    }

    public String get(String key, Object... args) {
        try {
            String text = bundle.getString(key);
            return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the UI and caught by the bundle test, never a crash
        }
    }

    /** Core's catalog in the same language: core's facts (plan lines, causes, advice) are rendered with it. */
    public dev.arcrun.core.i18n.Messages core() {
        return core;
    }

    public Locale locale() {
        return bundle.getLocale();
    }
}
