package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.TaskExecutor;
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
    private int generation;

    /** @param openStart shows the Start page (for the empty state) */
    public DashboardViewModel(TaskExecutor executor, Installs installs, Runnable openStart) {
        this.executor = executor;
        this.installs = installs;
        this.openStart = openStart;
        selected.addListener((o, was, now) -> connect(now));
    }

    /** Reads the installs again (the page was shown, or one was added or removed); keeps the selection when it still exists. */
    public void reload() {
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
                error.set(Failures.text(failure));
            }
        });
    }

    /** Asks the engine whether it answers, in the background. */
    public void checkHealth() {
        Connection c = connection.get();
        if (c == null || c.config().engineUrl() == null) {
            health.set(HealthState.DOWN);
            return;
        }
        health.set(HealthState.CHECKING);
        executor.execute(() -> installs.health(c.config()), (Health h) -> {
            if (connection.get() == c) {
                health.set(h.ok() ? HealthState.OK : HealthState.DOWN);
                engineVersion.set(h.version() == null ? "" : h.version());
            }
        }, failure -> {
            if (connection.get() == c) {
                health.set(HealthState.DOWN);
            }
        });
    }

    private void replace(Connection next) {
        Connection was = connection.get();
        connection.set(next);
        health.set(HealthState.UNKNOWN);
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

    public static boolean isLocal(Connection c) {
        return c != null && c.config().target() == Target.LOCAL;
    }
}
