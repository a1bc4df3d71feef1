package dev.arcrun.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Lets a user stop a download or an extraction at any moment: {@link #cancel()} sets the flag and closes whatever
 * the work is blocked on (a socket), so it stops now, not after the read timeout.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when cancelled. */
    public void check() {
        if (cancelled) {
            throw new CancellationException("Cancelled.");
        }
    }

    /** Runs {@code hook} on cancel (at once if already cancelled) until the returned handle is closed. */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Undoes {@link #onCancel}; closes without a checked exception. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
