package dev.arcrun.core.deploy;

/**
 * Receives lines as they come, one at a time (calls never overlap), on the streamer's reader thread: hand them
 * to a batching sink rather than doing slow work here, since a slow listener slows the child process down.
 */
@FunctionalInterface
public interface LogListener {
    void accept(LogLine line);

    LogListener NONE = line -> { };

    /** This listener, then {@code next}. */
    default LogListener andThen(LogListener next) {
        return line -> {
            accept(line);
            next.accept(line);
        };
    }
}
