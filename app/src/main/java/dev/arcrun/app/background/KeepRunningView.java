package dev.arcrun.app.background;

import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.common.I18n;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The setting as the Settings page shows it: a check box, and what it means on this computer — a tray icon where
 * the system has a tray, else plainly that the engine keeps running after quitting.
 */
public final class KeepRunningView extends VBox {

    public KeepRunningView(KeepRunningSetting setting, boolean trayAvailable, I18n i18n) {
        super(6);
        setId("keep-running-setting");
        CheckBox box = new CheckBox(i18n.get("background.keep"));
        box.setId("keep-running");
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(setting.keepRunningProperty());
        Label note = new Label(i18n.get(trayAvailable ? "background.tray" : "background.notray"));
        note.setId("keep-running-note");
        note.getStyleClass().add(AppStyles.MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(box, note);
    }
}
