package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.ToolchainManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, find again after a restart of the app, stop without strays, and recover from a stale record. */
class LocalEngineLifecycleTest {
    private static final LocalEngine.Keys KEYS = LocalEngine.Keys.generate();

    @TempDir
    Path home;

    /** An engine without keys would open POST /register to whoever asks first: there is no way to start one. */
    @Test
    void aStartWithoutKeysIsRefusedBeforeAnythingIsWritten() throws Exception {
        LocalEngine engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.start(null, null, line -> { },
                LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation())).isInstanceOf(NullPointerException.class);
        try (var files = Files.walk(home)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(".dev.vars"))).isEmpty();
        }
        assertThat(LocalEngine.Keys.generate()).isNotEqualTo(LocalEngine.Keys.generate());
    }

    @Test
    void startIsFoundAgainByANewProcessAndStopLeavesNoProcess() throws Exception {
        LocalEngine first = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        List<String> lines = new CopyOnWriteArrayList<>();
        LocalStatus.Running running = first.start(null, KEYS, line -> lines.add(line.text()), LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        try {
            assertThat(running.url()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines).anyMatch(l -> l.contains("Ready on http://127.0.0.1:" + running.port()));
            assertThat(Files.readString(first.logFile())).contains("Ready on");
            assertThat(home.resolve("local/installs/local/state")).isDirectory();

            // What the app sees after a restart: a fresh object over the same folder finds the same process.
            LocalEngine afterRestart = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
            assertThat(afterRestart.status()).isEqualTo(new LocalStatus.Running(running.url(), running.pid(), running.port(), "0.1.0"));
            LocalStatus.Running again = afterRestart.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            assertThat(again.pid()).isEqualTo(running.pid());

            ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow();
            List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
            tree.add(process);
            assertThat(tree).anyMatch(p -> p.info().command().orElse("").contains("workerd"));

            assertThat(afterRestart.stop()).isTrue();
            awaitDead(tree);
            assertThat(afterRestart.status()).isInstanceOf(LocalStatus.Stopped.class);
            assertThat(afterRestart.stop()).isFalse();
        } finally {
            first.stop();
        }
    }

    @Test
    void aStaleRecordIsReplacedByACleanStart() {
        LocalEngine engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        // A record left by an engine that died with the computer: its pid is gone.
        Process dead = startAndWait("true");
        new LocalEngineState(dead.pid(), 9, "http://127.0.0.1:9", Instant.now().toString(), "x", "y", null).write(engine.stateFile());
        assertThat(engine.status()).isInstanceOf(LocalStatus.Stopped.class);
        LocalStatus.Running running = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        try {
            assertThat(running.pid()).isNotEqualTo(dead.pid());
            assertThat(engine.status()).isInstanceOf(LocalStatus.Running.class);

            // An engine unpacked from another app version is replaced, not reused.
            LocalEngineState state = LocalEngineState.read(engine.stateFile()).orElseThrow();
            new LocalEngineState(state.pid(), state.port(), state.url(), state.startedAt(), home.resolve("engine-old").toString(),
                    state.logFile(), state.processes()).write(engine.stateFile());
            ProcessHandle old = ProcessHandle.of(running.pid()).orElseThrow();
            LocalStatus.Running replaced = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            assertThat(replaced.pid()).isNotEqualTo(running.pid());
            assertThat(old.isAlive()).isFalse();
        } finally {
            engine.stop();
        }
    }

    @Test
    void afterKill9OfWranglerNoOrphanKeepsServingStatusSaysSoAndStartReplacesIt() throws Exception {
        LocalEngine engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        LocalStatus.Running running = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        try {
            ProcessHandle wrangler = ProcessHandle.of(running.pid()).orElseThrow();
            List<ProcessHandle> children = wrangler.descendants().toList();
            assertThat(children).anyMatch(p -> p.info().command().orElse("").contains("workerd"));
            wrangler.destroyForcibly(); // SIGKILL: wrangler cannot stop its children
            wrangler.onExit().get(10, TimeUnit.SECONDS);
            assertThat(children).anyMatch(ProcessHandle::isAlive); // what today stayed behind, serving the data

            LocalStatus afterKill = engine.status();
            assertThat(afterKill).isInstanceOf(LocalStatus.Unhealthy.class);
            assertThat(((LocalStatus.Unhealthy) afterKill).reason()).satisfies(r -> {
                assertThat(r.code()).isIn(dev.arcrun.core.Failure.Code.LOCAL_ORPHANS, dev.arcrun.core.Failure.Code.LOCAL_ORPHANS_ANSWERING);
                assertThat(r.args().getFirst()).isEqualTo(Long.toString(running.pid()));
            });

            LocalStatus.Running again = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            awaitDead(children);
            assertThat(again.pid()).isNotEqualTo(running.pid());
            assertThat(engine.status()).isInstanceOf(LocalStatus.Running.class);

            // And stop after another kill -9 ends the orphans too.
            ProcessHandle second = ProcessHandle.of(again.pid()).orElseThrow();
            List<ProcessHandle> secondChildren = second.descendants().toList();
            second.destroyForcibly();
            second.onExit().get(10, TimeUnit.SECONDS);
            assertThat(engine.stop()).isTrue();
            awaitDead(secondChildren);
            assertThat(engine.status()).isInstanceOf(LocalStatus.Stopped.class);
        } finally {
            engine.stop();
        }
    }

    /** A busy computer can keep the engine from answering for a few seconds: a start must not kill it for that. */
    @Test
    void aStartWhileTheEngineIsBrieflyFrozenKeepsIt() throws Exception {
        LocalEngine engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        LocalStatus.Running running = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        var thaw = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            ProcessHandle workerd = ProcessHandle.of(running.pid()).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").contains("workerd")).findFirst().orElseThrow();
            signal("STOP", workerd);
            thaw.schedule(() -> signal("CONT", workerd), 7, TimeUnit.SECONDS);
            assertThat(engine.status()).isInstanceOf(LocalStatus.Unhealthy.class); // what a one-shot probe sees

            LocalStatus.Running again = engine.start(null, KEYS, line -> { }, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            assertThat(again.pid()).isEqualTo(running.pid());
            assertThat(workerd.isAlive()).isTrue();
        } finally {
            thaw.shutdownNow();
            engine.stop();
        }
    }

    private static void signal(String name, ProcessHandle process) {
        startAndWait("kill", "-" + name, Long.toString(process.pid()));
    }

    @Test
    void aPortTakenMeanwhileIsRetriedOnAnother() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            LocalEngine engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests(),
                    () -> calls.getAndIncrement() == 0 ? taken.getLocalPort() : LocalEngine.freePort());
            List<String> lines = new CopyOnWriteArrayList<>();
            LocalStatus.Running running = engine.start(null, KEYS, line -> lines.add(line.text()), LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            try {
                assertThat(running.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(lines).anyMatch(l -> l.contains("Port " + taken.getLocalPort() + " was taken meanwhile"));
            } finally {
                engine.stop();
            }
        }
    }

    private static Process startAndWait(String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            p.waitFor();
            return p;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) for every process to exit, then checks none is left. */
    private static void awaitDead(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the assertion below names what is still alive
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }
}
