package dev.arcrun.app.background;

import dev.arcrun.app.common.LocalEngineControl;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The JVM that {@link EngineShutdownTest} kills with SIGTERM: it starts a real child process standing for the
 * engine (what the app started), installs the real shutdown hook, says the child's pid, and waits to be killed.
 * Args: keep-running ("keep" or "stop"), and "hang" for a stop that never returns.
 */
public final class ShutdownChild {
    public static void main(String[] args) throws Exception {
        boolean keep = args[0].equals("keep");
        boolean hang = args.length > 1 && args[1].equals("hang");
        Process engine = new ProcessBuilder("sleep", "600").start();
        LocalEngineControl local = new LocalEngineControl() {
            @Override public String start(Consumer<String> progress) { throw new UnsupportedOperationException(); }

            @Override public boolean stop() {
                if (hang) {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                engine.destroy();
                try {
                    engine.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }

            @Override public boolean startedHere() { return engine.isAlive(); }
        };
        new EngineShutdown(local, () -> keep, Duration.ofSeconds(2)).install();
        System.out.println("engine " + engine.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
