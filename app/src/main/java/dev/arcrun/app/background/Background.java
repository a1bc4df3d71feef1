package dev.arcrun.app.background;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.LocalEngineControl;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;

/** {@link KeepRunning} wired to JavaFX, AWT's tray and the saved setting: what closing the window does. */
public final class Background {
    private Background() {}

    /** Called once the window is really closing (after the close guard). */
    public static KeepRunning.Outcome onClose(Path appFolder, Stage stage, LocalEngineControl local, I18n i18n) {
        KeepRunning.App app = new KeepRunning.App() {
            @Override public void exitWhenLastWindowCloses(boolean exit) { Platform.setImplicitExit(exit); }

            @Override public void showWindow() { Platform.runLater(stage::show); }

            @Override public void exit() { Platform.runLater(Platform::exit); }
        };
        return new KeepRunning(local, () -> KeepRunningSetting.load(appFolder).get(), TrayPresence.AWT, app,
                r -> Thread.ofPlatform().name("stop-local-engine").start(r), i18n).onQuit();
    }
}
