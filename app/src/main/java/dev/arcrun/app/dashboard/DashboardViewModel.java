package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.LocalEngineControl;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.resume.Finisher;
import dev.arcrun.app.resume.UnfinishedInstall;
import java.time.Clock;
import java.time.Instant;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.Target;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.Health;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's header: which install is shown (a picker when there are several), where its engine is, which
 * version it runs and whether it answers. The tabs follow {@link #connectionProperty()}.
 */
public final class DashboardViewModel {
    private final TaskExecutor executor;
    private final Installs installs;
    private final Runnable openStart;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<HealthState> health = new ReadOnlyObjectWrapper<>(HealthState.UNKNOWN);
    private final ReadOnlyStringWrapper engineVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UnfinishedInstall> unfinished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> lastChecked = new ReadOnlyObjectWrapper<>();
    private Finisher finisher = u -> { };
    private LocalEngineControl local = LocalEngineControl.NONE;
    private Activities activities = new Activities();
    private final ReadOnlyBooleanWrapper settingUp = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper localBusy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LocalOrigin> localOrigin = new ReadOnlyObjectWrapper<>(LocalOrigin.NONE);
    private Clock clock = Clock.systemDefaultZone();
    private int generation;

    /** @param openStart shows the Start page (for the empty state) */
    public DashboardViewModel(TaskExecutor executor, Installs installs, Runnable openStart) {
        this.executor = executor;
        this.installs = installs;
        this.openStart = openStart;
        selected.addListener((o, was, now) -> connect(now));
    }

    /** How "Finish install" finishes the shown install when it stopped before the end. */
    public DashboardViewModel finishing(Finisher f) {
        this.finisher = f;
        return this;
    }

    /** Who started the local engine that answers: this app (quitting stops it) or something else (it keeps running). */
    public enum LocalOrigin { NONE, THIS_APP, ELSEWHERE }

    /** Start and Stop of a local install's engine, in the header. */
    public DashboardViewModel local(LocalEngineControl control) {
        this.local = control;
        return this;
    }

    /** While an install or a first start runs elsewhere in the app, the empty state says so instead of "No engine yet". */
    public DashboardViewModel tracking(Activities a) {
        this.activities = a;
        return this;
    }

    public void startLocal() {
        if (localBusy.get()) {
            return;
        }
        localBusy.set(true);
        error.set("");
        executor.execute(() -> local.start(p -> { }), url -> {
            localBusy.set(false);
            reload(); // the URL and keys may be new
        }, failure -> {
            localBusy.set(false);
            details.set(Failures.details(failure));
            error.set(Failures.text(failure));
            checkHealth();
        });
    }

    public void stopLocal() {
        if (localBusy.get()) {
            return;
        }
        localBusy.set(true);
        executor.execute(local::stop, stopped -> {
            localBusy.set(false);
            checkHealth();
        }, failure -> {
            localBusy.set(false);
            details.set(Failures.details(failure));
            error.set(Failures.text(failure));
            checkHealth();
        });
    }

    DashboardViewModel clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** Finishes the shown install where it stopped, with the choices it was started with. */
    public void finishInstall() {
        UnfinishedInstall u = unfinished.get();
        if (u != null) {
            finisher.finish(u);
        }
    }

    /** Reads the installs again (the page was shown, or one was added or removed); keeps the selection when it still exists. */
    public void reload() {
        settingUp.set(activities.running().stream().anyMatch(a -> a.kind() == Activities.Kind.INSTALL
                || a.kind() == Activities.Kind.LOCAL_START));
        executor.execute(installs::names, found -> {
            loaded.set(true);
            error.set("");
            String keep = selected.get();
            names.setAll(found);
            if (keep != null && found.contains(keep)) {
                connect(keep); // same name: its URL or keys may have changed (an update, a restart)
            } else {
                selected.set(found.isEmpty() ? null : found.getFirst());
            }
        }, failure -> {
            loaded.set(true);
            details.set(Failures.details(failure));
            error.set(Failures.text(failure));
        });
    }

    private void connect(String name) {
        int mine = ++generation;
        Connection shown = connection.get();
        if (name == null || shown == null || !shown.config().name().equals(name)) {
            replace(null); // another install: nothing of the previous one may stay on screen meanwhile
        }
        if (name == null) {
            return;
        }
        executor.execute(() -> {
            InstallConfig config = installs.load(name);
            return config.engineUrl() == null ? new Connection(config, null) : new Connection(config, installs.connect(config));
        }, c -> {
            if (mine != generation) {
                close(c);
                return;
            }
            error.set("");
            replace(c);
            checkHealth();
        }, failure -> {
            if (mine == generation) {
                details.set(Failures.details(failure));
            error.set(Failures.text(failure));
            }
        });
    }

    /** Asks the engine whether it answers, in the background. */
    public void checkHealth() {
        Connection c = connection.get();
        if (c == null || c.config().engineUrl() == null) {
            // no engine to ask (an install that stopped before it had one): not "not answering", just nothing
            health.set(c == null ? HealthState.DOWN : HealthState.UNKNOWN);
            return;
        }
        if (health.get() == HealthState.CHECKING) {
            return; // a poll while the last check still waits adds nothing
        }
        health.set(HealthState.CHECKING);
        executor.execute(() -> installs.health(c.config()), (Health h) -> {
            if (connection.get() == c) {
                health.set(h.ok() ? HealthState.OK : HealthState.DOWN);
                engineVersion.set(h.version() == null ? "" : h.version());
                lastChecked.set(clock.instant());
                localOrigin.set(!isLocal(c) || !h.ok() ? LocalOrigin.NONE
                        : local.startedHere() ? LocalOrigin.THIS_APP : LocalOrigin.ELSEWHERE);
            }
        }, failure -> {
            if (connection.get() == c) {
                health.set(HealthState.DOWN);
                lastChecked.set(clock.instant());
                localOrigin.set(LocalOrigin.NONE);
            }
        });
    }

    private void replace(Connection next) {
        Connection was = connection.get();
        connection.set(next);
        unfinished.set(next == null ? null : UnfinishedInstall.of(next.config()).orElse(null));
        health.set(HealthState.UNKNOWN);
        lastChecked.set(null);
        localOrigin.set(LocalOrigin.NONE);
        engineVersion.set(next == null || next.config().bundle() == null ? "" : next.config().bundle().version());
        close(was);
    }

    private static void close(Connection c) {
        EngineClient client = c == null ? null : c.client();
        if (client != null) {
            client.close();
        }
    }

    public void openStart() {
        openStart.run();
    }

    public ObservableList<String> installNames() { return names; }

    /** The install shown; the view's picker writes it. */
    public ObjectProperty<String> selectedProperty() { return selected; }

    public ReadOnlyObjectProperty<Connection> connectionProperty() { return connection.getReadOnlyProperty(); }

    /** False until the installs were read once: the empty state must not flash before that. */
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<HealthState> healthProperty() { return health.getReadOnlyProperty(); }

    /** The version the engine reports, or the installed bundle's until it has answered. */
    public ReadOnlyStringProperty engineVersionProperty() { return engineVersion.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** The Details view of the error (engine code, raw messages). */
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }

    /** The shown install when it stopped before the end (then "Finish install" replaces Update); else null. */
    public ReadOnlyObjectProperty<UnfinishedInstall> unfinishedProperty() { return unfinished.getReadOnlyProperty(); }

    /** An install or a first start on this computer runs now (the install list may still be empty). */
    public ReadOnlyBooleanProperty settingUpProperty() { return settingUp.getReadOnlyProperty(); }

    /** Start or Stop of the local engine is under way. */
    public ReadOnlyBooleanProperty localBusyProperty() { return localBusy.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LocalOrigin> localOriginProperty() { return localOrigin.getReadOnlyProperty(); }

    /** When the engine last answered or failed to (null before the first check). */
    public ReadOnlyObjectProperty<Instant> lastCheckedProperty() { return lastChecked.getReadOnlyProperty(); }

    public static boolean isLocal(Connection c) {
        return c != null && c.config().target() == Target.LOCAL;
    }
}
