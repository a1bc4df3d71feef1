package dev.arcrun.app.settings;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.ThemeManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's own settings: the language (applied at once: the window rebuilds its pages) and the theme (light, dark,
 * or the desktop's). Each change is saved to the app folder straight away.
 */
public final class SettingsViewModel {
    private final I18n i18n;
    private final ThemeManager theme;
    private final Path folder;
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    private final ObjectProperty<ThemeManager.Mode> themeMode = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private AppSettings saved;

    /**
     * @param workRunning whether an install, update or uninstall runs now: switching the language rebuilds every page,
     *                    so it waits until that work has finished (its progress would be lost from the screen)
     */
    public SettingsViewModel(I18n i18n, ThemeManager theme, Path folder, java.util.function.BooleanSupplier workRunning) {
        this.i18n = i18n;
        this.theme = theme;
        this.folder = folder;
        this.saved = AppSettings.load(folder);
        language.set(I18n.LANGUAGES.stream().filter(l -> l.getLanguage().equals(i18n.localeProperty().get().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        themeMode.set(theme.modeProperty().get());
        language.addListener((o, was, now) -> {
            // going back to the language spoken now is never refused (that is how a refused switch is undone)
            if (now != null && !spoken(now) && workRunning.getAsBoolean()) {
                error.set(i18n.get("settings.language.busy"));
                language.set(was);
                return;
            }
            if (now != null && !spoken(now)) {
                save(saved.withLanguage(now));
                i18n.setLocale(now);
            }
        });
        themeMode.addListener((o, was, now) -> {
            if (now != null) {
                theme.setMode(now);
                save(saved.withTheme(now));
            }
        });
    }

    /** Whether this is the language spoken now (by language: the computer's {@code en_US} is English). */
    private boolean spoken(Locale l) {
        return l.getLanguage().equals(i18n.localeProperty().get().getLanguage());
    }

    /** Applies the saved settings at start: before the first page is built, so it opens in the chosen language. */
    public static AppSettings applySaved(Path folder, I18n i18n, ThemeManager theme) {
        AppSettings s = AppSettings.load(folder);
        i18n.setLocale(s.locale(i18n.localeProperty().get()));
        theme.setMode(s.theme());
        return s;
    }

    private void save(AppSettings next) {
        try {
            next.save(folder);
            saved = next;
            error.set("");
        } catch (IOException e) {
            // the choice still applies now; only the next start will not remember it
            error.set(i18n.get("settings.error.save", folder));
        }
    }

    public List<Locale> languages() { return I18n.LANGUAGES; }

    /** The language the app speaks; the view's picker writes it. */
    public ObjectProperty<Locale> languageProperty() { return language; }

    public ObjectProperty<ThemeManager.Mode> themeProperty() { return themeMode; }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
