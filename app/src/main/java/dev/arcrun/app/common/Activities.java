package dev.arcrun.app.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The long operations running now — an install, an update, an uninstall, a start on this computer — so that closing
 * the window can ask first and stop them in order instead of killing them mid-step. Thread-safe: work begins and
 * ends on background threads, the window asks on the FX thread.
 */
public final class Activities {
    public enum Kind { INSTALL, UPDATE, UNINSTALL, LOCAL_START }

    /** @param stop stops the work so it stays resumable; may be a no-op for work that cannot be stopped */
    public record Activity(Kind kind, String install, Runnable stop) {}

    /** Ends the activity; closing twice is harmless. */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Activity> running = new CopyOnWriteArrayList<>();

    public Handle begin(Kind kind, String install, Runnable stop) {
        Activity a = new Activity(kind, install, stop);
        running.add(a);
        return () -> running.remove(a);
    }

    public List<Activity> running() {
        return List.copyOf(running);
    }

    /** Asks every running activity to stop; one that fails to stop does not keep the others running. */
    public void stopAll() {
        for (Activity a : running()) {
            try {
                a.stop().run();
            } catch (RuntimeException ignored) {
                // the app is closing: a stop that fails leaves a resumable step, which the next start offers
            }
        }
    }
}
