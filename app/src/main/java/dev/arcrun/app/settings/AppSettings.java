package dev.arcrun.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The app's own preferences, kept in {@code settings.json} in the app folder (written atomically, owner-only) so
 * they survive a restart. A field added by a later version is ignored by this one, and a missing field takes its
 * default, so the file never blocks the app from starting.
 *
 * @param language a language tag ({@code en}, {@code zh-TW}); null follows the computer's language
 * @param theme    light, dark or follow the system
 */
// More app-wide choices join here as fields (the keep-running-in-the-background choice lives in the background
// package's own file, read again by the window's close): add the field with its default in the compact constructor.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(String language, ThemeManager.Mode theme) {
    static final String FILE = "settings.json";

    /**
     * Built on first use, not with this class: the app reads its settings before the first window, and databind's
     * ObjectMapper costs 500 classes (1-2 s of a first start's class loading) that a new user, who has no file yet,
     * never needs.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);
    }

    public static final AppSettings DEFAULTS = new AppSettings(null, ThemeManager.Mode.SYSTEM);

    public AppSettings {
        theme = theme == null ? ThemeManager.Mode.SYSTEM : theme;
    }

    /** The language to speak: the one chosen, else the computer's. */
    public Locale locale(Locale computer) {
        return language == null || language.isBlank() ? computer : Locale.forLanguageTag(language);
    }

    public AppSettings withLanguage(Locale l) {
        return new AppSettings(l.toLanguageTag(), theme);
    }

    public AppSettings withTheme(ThemeManager.Mode t) {
        return new AppSettings(language, t);
    }

    /** The saved settings, or the defaults when there are none or the file is damaged (nothing else is lost). */
    public static AppSettings load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        try {
            AppSettings s = Json.MAPPER.readValue(file.toFile(), AppSettings.class);
            return s == null ? DEFAULTS : s;
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULTS;
        }
    }

    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
