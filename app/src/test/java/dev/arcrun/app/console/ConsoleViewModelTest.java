package dev.arcrun.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.deploy.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {

    /** Stands in for Platform.runLater: keeps what was scheduled until the test runs it, and counts calls. */
    static final class QueuedUiThread implements Executor {
        final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void execute(Runnable r) {
            calls.incrementAndGet();
            queued.add(r);
        }

        void runAll() {
            for (Runnable r; (r = queued.poll()) != null; ) {
                r.run();
            }
        }
    }

    @Test
    void linesFromManyThreadsArriveInOrderPerSourceInOneBatch() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        ConsoleViewModel vm = new ConsoleViewModel(ui, 50_000);
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            String source = "worker-" + t;
            pool.execute(() -> {
                await(go);
                for (int i = 0; i < perThread; i++) {
                    vm.append(source, "line " + i, LogLevel.INFO);
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(vm.lines()).as("nothing shows before the UI thread drains").isEmpty();
        assertThat(ui.calls).as("20,000 lines while the UI was busy: one drain").hasValue(1);
        ui.runAll();

        assertThat(vm.lines()).hasSize(threads * perThread);
        Map<String, List<String>> bySource = vm.lines().stream().collect(Collectors.groupingBy(ConsoleLine::source,
                Collectors.mapping(ConsoleLine::text, Collectors.toList())));
        for (int t = 0; t < threads; t++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add("line " + i);
            }
            assertThat(bySource.get("worker-" + t)).as("worker-" + t).isEqualTo(expected);
        }
    }

    @Test
    void aRealUiThreadDrainingWhileLinesPourInNeverHasTwoDrainsPendingAndLosesNothing() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger maxPending = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Executor ui = r -> {
            calls.incrementAndGet();
            maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
            fx.execute(() -> {
                pending.decrementAndGet();
                r.run();
            });
        };
        ConsoleViewModel vm = new ConsoleViewModel(ui, 100_000);
        int threads = 3;
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            String source = "s" + t;
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    vm.append(source, Integer.toString(i), LogLevel.INFO);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        fx.submit(() -> { }).get(30, TimeUnit.SECONDS); // every drain scheduled so far has run
        fx.shutdown();

        assertThat(maxPending).as("at most one drain waits on the UI thread").hasValueLessThanOrEqualTo(1);
        assertThat(calls.get()).isLessThan(threads * perThread);
        assertThat(vm.lines()).hasSize(threads * perThread);
        for (int t = 0; t < threads; t++) {
            String source = "s" + t;
            List<Integer> seen = vm.lines().stream().filter(l -> l.source().equals(source))
                    .map(l -> Integer.parseInt(l.text())).toList();
            assertThat(seen).isSorted().hasSize(perThread);
        }
    }

    @Test
    void theVisibleBufferKeepsTheNewestLinesUpToTheCapAndCountsTheRest() {
        QueuedUiThread ui = new QueuedUiThread();
        ConsoleViewModel vm = new ConsoleViewModel(ui, 100);
        for (int i = 0; i < 60; i++) {
            vm.append("npm", "a" + i, LogLevel.INFO);
        }
        ui.runAll();
        for (int i = 0; i < 250; i++) {
            vm.append("npm", "b" + i, LogLevel.INFO);
        }
        ui.runAll();
        assertThat(vm.lines()).hasSize(100);
        assertThat(vm.lines().getFirst().text()).isEqualTo("b150");
        assertThat(vm.lines().getLast().text()).isEqualTo("b249");
        assertThat(vm.hiddenProperty().get()).isEqualTo(60 + 150);

        for (int i = 0; i < 10; i++) {
            vm.append("npm", "c" + i, LogLevel.INFO);
        }
        ui.runAll();
        assertThat(vm.lines()).hasSize(100);
        assertThat(vm.lines().getFirst().text()).isEqualTo("b160");
        assertThat(vm.lines().getLast().text()).isEqualTo("c9");
        assertThat(vm.hiddenProperty().get()).isEqualTo(220);
    }

    @Test
    void errorAndWarningLinesAreMarkedByTheToolsOwnMarkers() {
        QueuedUiThread ui = new QueuedUiThread();
        ConsoleViewModel vm = new ConsoleViewModel(ui);
        // core read each level from the tool's own marker when the tool printed the line; the console keeps it
        vm.append("arcrun-registry", "✘ [ERROR] Could not resolve \"./missing\"", LogLevel.ERROR);
        vm.append("arcrun-registry", "▲ [WARNING] The entrypoint has no default export", LogLevel.WARN);
        vm.append("npm", "npm warn EBADENGINE Unsupported engine", LogLevel.of("npm warn EBADENGINE Unsupported engine"));
        vm.append("arcrun-registry", "Total Upload: 12.3 KiB / gzip: 3.1 KiB", LogLevel.INFO);
        vm.append("arcrun-registry", "an ordinary line that mentions [ERROR] in passing", LogLevel.INFO);
        vm.append("download", "Connection dropped; retrying", LogLevel.WARN);
        ui.runAll();
        assertThat(vm.lines()).extracting(ConsoleLine::level).containsExactly(ConsoleLine.Level.ERROR,
                ConsoleLine.Level.WARNING, ConsoleLine.Level.NOTICE, ConsoleLine.Level.INFO, ConsoleLine.Level.INFO,
                ConsoleLine.Level.WARNING);
        assertThat(vm.allText()).startsWith("arcrun-registry | ✘ [ERROR] Could not resolve \"./missing\"\n")
                .endsWith("download | Connection dropped; retrying\n");
    }

    @Test
    void twoHundredThousandLinesStayInABoundedBufferAndArriveInOneBatchPerPulse() {
        QueuedUiThread ui = new QueuedUiThread();
        ConsoleViewModel vm = new ConsoleViewModel(ui);
        int total = 200_000;
        int perPulse = 1_000; // lines a chatty wrangler prints between two frames
        int[] listChanges = new int[1];
        vm.lines().addListener((javafx.collections.ListChangeListener<ConsoleLine>) c -> listChanges[0]++);
        int pulses = 0;
        for (int i = 0; i < total; i++) {
            vm.append("wrangler", "line " + i, LogLevel.INFO);
            if ((i + 1) % perPulse == 0) {
                ui.runAll(); // the UI thread's pulse: whatever was scheduled runs now
                pulses++;
                assertThat(vm.lines()).as("bounded after every pulse").hasSizeLessThanOrEqualTo(ConsoleViewModel.DEFAULT_CAP);
            }
        }
        assertThat(pulses).isEqualTo(200);
        assertThat(ui.calls.get()).as("one scheduled drain per pulse, not one per line").isEqualTo(pulses);
        assertThat(listChanges[0]).as("the list view is told once per pulse").isEqualTo(pulses);
        assertThat(vm.lines()).hasSize(ConsoleViewModel.DEFAULT_CAP);
        assertThat(vm.lines().getFirst().text()).isEqualTo("line " + (total - ConsoleViewModel.DEFAULT_CAP));
        assertThat(vm.lines().getLast().text()).isEqualTo("line " + (total - 1));
        assertThat(vm.hiddenProperty().get()).isEqualTo(total - ConsoleViewModel.DEFAULT_CAP);
    }

    @Test
    void theHiddenLinesMessageNamesWhereTheFullLogIs() {
        var i18n = new dev.arcrun.app.common.I18n(java.util.Locale.ENGLISH);
        assertThat(i18n.get("console.hidden.at", 5_000L, "/home/ada/.local/share/arcrun/logs"))
                .isEqualTo("Showing the newest lines (5,000 earlier lines hidden). wrangler's full output is kept in /home/ada/.local/share/arcrun/logs.");
    }

    @Test
    void clearEmptiesTheConsole() {
        QueuedUiThread ui = new QueuedUiThread();
        ConsoleViewModel vm = new ConsoleViewModel(ui, 2);
        vm.append("a", "1", LogLevel.INFO);
        vm.append("a", "2", LogLevel.INFO);
        vm.append("a", "3", LogLevel.INFO);
        ui.runAll();
        vm.clear();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.hiddenProperty().get()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
