package dev.arcrun.app.background;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.LocalEngineControl;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * What closing the window does with a local engine this app started: stop it (the default), or — when the user
 * chose to keep it running — leave it running, with a tray icon to open the window again or stop it.
 */
public final class Background {
    private Background() {}

    /** Called once the window is really closing (after the close guard). */
    public static void onClose(Path appFolder, Stage stage, LocalEngineControl local, I18n i18n) {
        if (!local.startedHere()) {
            return; // started by the CLI (or nothing runs): it keeps running, as the dashboard says
        }
        if (!KeepRunningSetting.load(appFolder).get()) {
            Thread.ofPlatform().name("stop-local-engine").start(local::stop); // takes a moment; the window goes now
            return;
        }
        if (!TrayPresence.available()) {
            return; // no tray here: the setting said the engine keeps running
        }
        Platform.setImplicitExit(false); // the app lives on behind its tray icon
        TrayPresence[] tray = new TrayPresence[1];
        tray[0] = TrayPresence.show(i18n, () -> Platform.runLater(() -> {
            tray[0].remove();
            Platform.setImplicitExit(true);
            stage.show();
        }), () -> Thread.ofPlatform().name("stop-local-engine").start(() -> {
            local.stop();
            tray[0].remove();
            Platform.runLater(Platform::exit);
        })).orElse(null);
        if (tray[0] == null) {
            Platform.setImplicitExit(true); // the tray refused the icon: quit as usual, the engine keeps running
        }
    }
}
