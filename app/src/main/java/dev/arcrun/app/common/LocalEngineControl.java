package dev.arcrun.app.common;

import java.util.function.Consumer;

/**
 * The engine on this computer as the pages drive it: start it (installing it the first time), stop it, and whether
 * this app started it (then quitting stops it; one started by the CLI keeps running). Every call blocks.
 */
public interface LocalEngineControl {
    /** Starts the engine, reporting what it does through {@code progress}; returns its URL. */
    String start(Consumer<String> progress) throws Exception;

    /** Stops it; false when it was not running. */
    boolean stop();

    /** Whether the engine running now was started by this app. */
    boolean startedHere();

    LocalEngineControl NONE = new LocalEngineControl() {
        @Override public String start(Consumer<String> progress) { throw new IllegalStateException("no local engine here"); }

        @Override public boolean stop() { return false; }

        @Override public boolean startedHere() { return false; }
    };
}
