package dev.arcrun.app.background;

import dev.arcrun.app.common.LocalEngineControl;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stops the engine this app started when the JVM is told to end without the window closing: SIGTERM, SIGINT, or
 * SIGHUP when the session logs out. A shutdown hook stops it synchronously, within a short deadline (the system
 * gives a dying process a few seconds), and respects keep-running; an engine the CLI started is never touched.
 * Stops from the window, the tray and the hook are serialized, so a quit that is already stopping the engine and a
 * signal that arrives meanwhile do not stop it twice at once.
 */
public final class EngineShutdown {
    public static final Duration DEADLINE = Duration.ofSeconds(4);

    private final LocalEngineControl local;
    private final BooleanSupplier keepRunning;
    private final Duration deadline;
    private final ReentrantLock stopping = new ReentrantLock();

    public EngineShutdown(LocalEngineControl local, BooleanSupplier keepRunning, Duration deadline) {
        this.local = local;
        this.keepRunning = keepRunning;
        this.deadline = deadline;
    }

    /** Registers the hook with the JVM; returns this, whose {@link #control()} the window's quit should use. */
    public EngineShutdown install() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("arcrun-stop-engine").unstarted(this::onSignal));
        return this;
    }

    /** The engine, with its stop serialized against the hook's. */
    public LocalEngineControl control() {
        return new LocalEngineControl() {
            @Override public String start(Consumer<String> progress) throws Exception { return local.start(progress); }

            @Override public boolean stop() { return stopSerialized(); }

            @Override public boolean startedHere() { return local.startedHere(); }
        };
    }

    private boolean stopSerialized() {
        stopping.lock();
        try {
            return local.stop();
        } finally {
            stopping.unlock();
        }
    }

    /** The hook's work: the JVM is ending. Public for the subprocess test's child. */
    void onSignal() {
        try {
            if (!local.startedHere() || keepRunning.getAsBoolean()) {
                return;
            }
        } catch (RuntimeException unreadable) {
            // a setting we cannot read while dying: the default (off) holds, so the engine is stopped
        }
        Thread stop = Thread.ofPlatform().daemon().name("arcrun-stop-engine-now").start(this::stopSerialized);
        try {
            stop.join(deadline); // a stop that hangs must not keep a dying app from ending
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
