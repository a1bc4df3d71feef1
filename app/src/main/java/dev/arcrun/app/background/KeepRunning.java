package dev.arcrun.app.background;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.LocalEngineControl;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * What quitting does with the engine on this computer: one started by the CLI (or none) is left alone; one this app
 * started is stopped, unless the user chose to keep it running — then a tray icon stands for it where the system has
 * a tray (Open shows the window again, Stop stops it and quits), and where it has none the engine simply keeps
 * running, as the setting said. No AWT and no JavaFX here: both come in through {@link Tray} and {@link App}.
 */
public final class KeepRunning {
    /** What quitting did. */
    public enum Outcome { LEFT_ALONE, STOPPED, KEPT_WITH_TRAY, KEPT_WITHOUT_TRAY }

    /** The application around the window. */
    public interface App {
        /** Whether closing the last window ends the app (JavaFX's implicit exit). */
        void exitWhenLastWindowCloses(boolean exit);

        void showWindow();

        void exit();
    }

    private final LocalEngineControl local;
    private final BooleanSupplier keepRunning;
    private final Tray tray;
    private final App app;
    private final Executor background;
    private final I18n i18n;

    /** @param background where the engine is stopped (it takes a moment; never the UI thread) */
    public KeepRunning(LocalEngineControl local, BooleanSupplier keepRunning, Tray tray, App app, Executor background, I18n i18n) {
        this.local = local;
        this.keepRunning = keepRunning;
        this.tray = tray;
        this.app = app;
        this.background = background;
        this.i18n = i18n;
    }

    /** Called once the window is really closing (after the close guard). */
    public Outcome onQuit() {
        if (!local.startedHere()) {
            return Outcome.LEFT_ALONE; // started by the CLI (or nothing runs): it keeps running, as the dashboard says
        }
        if (!keepRunning.getAsBoolean()) {
            background.execute(local::stop); // the window goes now
            return Outcome.STOPPED;
        }
        if (!tray.supported()) {
            return Outcome.KEPT_WITHOUT_TRAY; // no tray here: the setting said the engine keeps running
        }
        app.exitWhenLastWindowCloses(false); // the app lives on behind its tray icon
        Tray.Icon[] icon = new Tray.Icon[1];
        Optional<Tray.Icon> shown = tray.show(i18n.get("background.tray.tooltip"), i18n.get("background.tray.open"),
                i18n.get("background.tray.stop"),
                () -> {
                    icon[0].remove();
                    app.exitWhenLastWindowCloses(true);
                    app.showWindow();
                },
                () -> background.execute(() -> {
                    local.stop();
                    icon[0].remove();
                    app.exit();
                }));
        if (shown.isEmpty()) {
            app.exitWhenLastWindowCloses(true); // the tray refused the icon: quit as usual, the engine keeps running
            return Outcome.KEPT_WITHOUT_TRAY;
        }
        icon[0] = shown.get();
        return Outcome.KEPT_WITH_TRAY;
    }
}
