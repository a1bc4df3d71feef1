package dev.arcrun.app.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Looks up UI strings by dotted key ({@code home.local.title}) in the English or Traditional Chinese bundle. The
 * language can change while the app runs ({@link #setLocale}); whoever builds the window listens to
 * {@link #localeProperty()} and builds its pages again in the new language.
 */
public final class I18n {
    public static final String BUNDLE = "dev.arcrun.app.i18n.messages";
    /** The languages the app speaks, in the order the Settings page offers them. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE);

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>();
    private volatile ResourceBundle bundle;
    private volatile dev.arcrun.core.i18n.Messages core;

    public I18n(Locale locale) {
        load(locale);
    }

    private void load(Locale wanted) {
        // a bare "en" must not fall back to a zh_TW default locale: English is the root bundle
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);
        this.bundle = ResourceBundle.getBundle(BUNDLE, wanted, noFallback);
        this.core = new dev.arcrun.core.i18n.Messages(bundle.getLocale());
        this.locale.set(wanted);
    }

    /** Switches the language now; views built after this speak it (the window rebuilds its pages). */
    public void setLocale(Locale wanted) {
        if (!wanted.equals(locale.get())) {
            load(wanted);
        }
    }

    public String get(String key, Object... args) {
        ResourceBundle b = bundle;
        try {
            String text = b.getString(key);
            return args.length == 0 ? text : new MessageFormat(text, b.getLocale()).format(args);
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

    /** The language asked for (not necessarily a bundle's own locale: "en" is the root bundle). */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }
}
