package dev.arcrun.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * Switches between the light and dark AtlantaFX themes; our own stylesheet refers only to their variables. In
 * {@link Mode#SYSTEM} it follows the desktop's colour scheme, also when that changes while the app runs.
 */
public final class ThemeManager {
    public static final String APP_CSS = ThemeManager.class.getResource("app.css").toExternalForm();

    /** The user's choice on the Settings page. */
    public enum Mode { LIGHT, DARK, SYSTEM }

    /** The app's one theme: JavaFX's user-agent stylesheet is global, so the window and the Settings page share it. */
    private static final ThemeManager APP = new ThemeManager();

    public static ThemeManager app() {
        return APP;
    }

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LIGHT);
    private final ChangeListener<ColorScheme> systemChanged = (o, was, now) -> {
        if (mode.get() == Mode.SYSTEM) {
            setDark(now == ColorScheme.DARK);
        }
    };
    private boolean following;

    public void apply(Scene scene) {
        scene.getStylesheets().setAll(APP_CSS);
        setDark(dark.get());
    }

    public void setDark(boolean value) {
        dark.set(value);
        Application.setUserAgentStylesheet(value
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Light, dark, or whatever the desktop uses (dark when it says so, light otherwise). */
    public void setMode(Mode next) {
        mode.set(next);
        if (next == Mode.SYSTEM) {
            if (!following) {
                Platform.getPreferences().colorSchemeProperty().addListener(systemChanged);
                following = true;
            }
            setDark(Platform.getPreferences().getColorScheme() == ColorScheme.DARK);
        } else {
            setDark(next == Mode.DARK);
        }
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
