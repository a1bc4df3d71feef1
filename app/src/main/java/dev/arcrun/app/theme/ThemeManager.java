package dev.arcrun.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;

/** Switches between the light and dark AtlantaFX themes; our own stylesheet refers only to their variables. */
public final class ThemeManager {
    public static final String APP_CSS = ThemeManager.class.getResource("app.css").toExternalForm();

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);

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

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
