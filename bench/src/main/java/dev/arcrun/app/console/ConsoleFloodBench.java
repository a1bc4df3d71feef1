package dev.arcrun.app.console;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.deploy.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * 200,000 lines poured into the real console (view model and view, wrapping on, following the newest line) from a
 * pipeline thread at a set rate (20,000 lines a second by default, far more than wrangler prints) or as fast as it can, with some long lines, warnings and npm notices among them. An
 * {@link AnimationTimer} notes every FX pulse; the figure is the largest gap between two pulses while the lines
 * arrive (what a user sees as a stutter; goal under 100 ms), with the median gap and how many drains ran.
 *
 * <pre>DISPLAY=:93 java -cp … dev.arcrun.app.console.ConsoleFloodBench [rounds] [lines] [lines per second, 0 = flood]</pre>
 */
public final class ConsoleFloodBench {

    /** Lines per second the producer writes (in bursts every 10 ms); 0 for as fast as it can. */
    private static int rate;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        rate = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Platform.startup(() -> {});
        // Each round closes its window before the next opens one: without this the toolkit may end in between,
        // and the next round waits for an FX thread that is gone (the "never answered" stall seen before).
        Platform.setImplicitExit(false);
        I18n i18n = new I18n(Locale.ENGLISH);
        for (int r = 0; r <= rounds; r++) {
            Result res = round(i18n, lines);
            if (r == 0) {
                continue; // warm-up (JIT), not counted
            }
            System.out.printf(Locale.ROOT, "round %d (" + (rate == 0 ? "flood" : rate + " lines/s") + "): %,d lines in %.2f s; pulses %d, largest gap %.1f ms, median %.1f ms, "
                            + "p99 %.1f ms; drains %d; visible %d%n", r, lines, res.seconds, res.gaps.length,
                    res.max(), res.pct(50), res.pct(99), res.drains, res.visible);
        }
        Platform.exit();
    }

    record Result(double seconds, double[] gaps, int drains, int visible) {
        double max() { return gaps.length == 0 ? 0 : gaps[gaps.length - 1]; }
        double pct(int p) { return gaps.length == 0 ? 0 : gaps[Math.min(gaps.length - 1, gaps.length * p / 100)]; }
    }

    private static Result round(I18n i18n, int count) throws Exception {
        int[] drains = new int[1];
        ConsoleViewModel model = new ConsoleViewModel(r -> Platform.runLater(() -> {
            drains[0]++;
            r.run();
        }));
        Stage[] stage = new Stage[1];
        List<Long> pulses = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(System.nanoTime());
            }
        };
        fx(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(new ConsoleView(model, i18n), 1000, 640);
            new ThemeManager().apply(scene);
            stage[0].setScene(scene);
            stage[0].show();
            timer.start();
        });
        Thread.sleep(300); // let the window settle before timing: its first pulses are not the console's
        fx(pulses::clear);
        long t0 = System.nanoTime();
        Thread producer = Thread.ofPlatform().start(() -> {
            int burst = rate == 0 ? Integer.MAX_VALUE : Math.max(1, rate / 100);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (rate > 0 && i % burst == 0) {
                    long due = start + (long) i * 1_000_000_000L / rate;
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                switch (i % 50) {
                    case 7 -> model.append("npm", "npm warn EBADENGINE Unsupported engine { package: 'undici@7.10.0', "
                            + "required: { node: '>=20.18.1' }, current: { node: 'v20.11.0', npm: '10.2.4' } }", LogLevel.NOTICE);
                    case 23 -> model.append("wrangler", "▲ [WARNING] The entrypoint src/index.ts has exports like an "
                            + "ES Module, but hasn't defined a default export like a module worker normally would. " + i, LogLevel.WARN);
                    default -> model.append("arcrun-registry", "Uploaded chunk " + i + " of the engine bundle (gzip 3.1 KiB)", LogLevel.INFO);
                }
            }
        });
        producer.join();
        CountDownLatch drained = new CountDownLatch(1);
        // the last batch is drained once the list shows the last line; then one more pulse draws it
        waitFor(() -> model.hiddenProperty().get() + model.lines().size() == count);
        fx(() -> Platform.runLater(drained::countDown));
        drained.await(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] gaps = fx(() -> {
            timer.stop();
            double[] g = new double[Math.max(0, pulses.size() - 1)];
            for (int i = 1; i < pulses.size(); i++) {
                g[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
            }
            java.util.Arrays.sort(g);
            stage[0].close();
            return g;
        });
        return new Result(seconds, gaps, drains[0], model.lines().size());
    }

    private static void waitFor(java.util.function.BooleanSupplier onFx) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(onFx::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the console never showed the last line");
            }
            Thread.sleep(5); // polling from the bench's own thread; the FX thread is what is measured
        }
    }

    private static void fx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
