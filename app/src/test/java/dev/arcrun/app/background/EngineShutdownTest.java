package dev.arcrun.app.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A real JVM running the real shutdown hook, killed with {@code kill -TERM}, and the real child it started. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM and kill(1) are POSIX; Windows ends processes otherwise")
class EngineShutdownTest {

    @Test
    void sigtermStopsTheEngineTheAppStarted() throws Exception {
        try (Child child = Child.start("stop")) {
            child.terminate();
            assertThat(child.jvm.waitFor(20, TimeUnit.SECONDS)).as("the app ended").isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !child.engineAlive());
        }
    }

    @Test
    void sigtermLeavesTheEngineRunningWhenTheUserChoseToKeepItRunning() throws Exception {
        try (Child child = Child.start("keep")) {
            child.terminate();
            assertThat(child.jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.engineAlive()).as("kept running in the background").isTrue();
        }
    }

    @Test
    void aStopThatHangsDoesNotKeepTheAppFromEnding() throws Exception {
        try (Child child = Child.start("stop", "hang")) {
            long t0 = System.nanoTime();
            child.terminate();
            assertThat(child.jvm.waitFor(20, TimeUnit.SECONDS)).as("the deadline let the app end").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        }
    }

    private record Child(Process jvm, long enginePid) implements AutoCloseable {
        static Child start(String... args) throws Exception {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                    ShutdownChild.class.getName()));
            cmd.addAll(java.util.List.of(args));
            Process jvm = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // "engine PID" once the hook is installed
            assertThat(line).as("the child JVM started its engine").startsWith("engine ");
            return new Child(jvm, Long.parseLong(line.substring("engine ".length()).trim()));
        }

        boolean engineAlive() {
            return ProcessHandle.of(enginePid).map(ProcessHandle::isAlive).orElse(false);
        }

        void terminate() throws Exception {
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(jvm.pid())).start();
            assertThat(kill.waitFor()).isZero();
        }

        @Override
        public void close() {
            jvm.destroyForcibly();
            ProcessHandle.of(enginePid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
