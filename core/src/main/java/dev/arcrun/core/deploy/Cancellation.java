package dev.arcrun.core.deploy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel button shared by one job (a whole deploy, or one npm install). {@link #cancel()} may be called from any
 * thread; whatever is running at that moment is stopped through the actions registered with {@link #onCancel}.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled = true;
        for (Runnable action : actions) {
            action.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel (at once if already cancelled) until the returned registration is closed. */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
