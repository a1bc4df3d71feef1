package dev.arcrun.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view models run background work. Production runs it off the FX thread and calls back on it;
 * tests inject {@link CurrentThreadTaskExecutor} so a view-model test is deterministic.
 */
public interface TaskExecutor {
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
