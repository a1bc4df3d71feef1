package dev.arcrun.app.home;

import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.UserFacingException;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first page: where should the engine run? Starting on this computer needs no account, so it is offered
 * first. Holds no Nodes; the view binds to the read-only properties and calls the commands.
 */
public final class HomeViewModel {

    /** Starts the engine on this computer and returns its URL; throws with advice when it cannot. */
    @FunctionalInterface
    public interface LocalEngineStarter extends Callable<String> {}

    private final TaskExecutor executor;
    private final LocalEngineStarter starter;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper localUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public HomeViewModel(TaskExecutor executor, LocalEngineStarter starter) {
        this.executor = executor;
        this.starter = starter;
    }

    public void startLocal() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        executor.execute(starter, url -> {
            busy.set(false);
            localUrl.set(url);
        }, failure -> {
            busy.set(false);
            error.set(failure instanceof UserFacingException u ? u.oneLine()
                    : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        });
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty localUrlProperty() { return localUrl.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
