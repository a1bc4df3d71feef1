package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** With sh children, and their .cmd twins on Windows ({@link FakeChild}). */
class ProcessStreamerTest {

    @TempDir Path tmp;
    private final List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());

    private ProcessOutcome sh(String script, String cmdTwin, Redactor redactor, Cancellation cancel) throws IOException {
        return new ProcessStreamer(redactor, lines::add).run(ProcessRun.of("w1", child(script, cmdTwin), tmp), cancel);
    }

    private List<String> child(String script, String cmdTwin) throws IOException {
        return FakeChild.command(tmp.resolve("children"), script, cmdTwin);
    }

    private List<String> texts() {
        synchronized (lines) {
            return lines.stream().map(LogLine::text).toList();
        }
    }

    @Test
    void linesArriveWhileTheProcessIsStillRunning() throws IOException {
        // The child waits for a file that the listener creates on seeing its first line: if lines were delivered
        // only at exit, this would never finish.
        Path go = tmp.resolve("go");
        ProcessStreamer streamer = new ProcessStreamer(Redactor.NONE, line -> {
            lines.add(line);
            if (line.text().equals("first")) {
                try { Files.createFile(go); } catch (IOException e) { throw new RuntimeException(e); }
            }
        });
        ProcessOutcome outcome = streamer.run(ProcessRun.of("w1",
                child("echo first; while [ ! -e go ]; do sleep 0.05; done; echo second", """
                        echo first
                        :wait
                        if exist go goto done
                        ping -n 2 127.0.0.1 >nul
                        goto wait
                        :done
                        echo second
                        """), tmp)
                .withTimeout(Duration.ofSeconds(20)), new Cancellation());
        assertThat(outcome).isEqualTo(new ProcessOutcome.Exited(0, List.of("first", "second")));
    }

    @Test
    void tagsStreamWorkerAndLevelAndStripsColour() throws IOException {
        String e = FakeChild.ESC;
        ProcessOutcome outcome = sh("printf 'plain\\n'; printf '\\033[31m✘ \\033[41;31m[\\033[41;97mERROR\\033[41;31m]\\033[0m boom\\n' >&2; "
                + "echo '▲ [WARNING] careful' >&2; exit 3", """
                echo plain
                >&2 echo %1$s[31m✘ %1$s[41;31m[%1$s[41;97mERROR%1$s[41;31m]%1$s[0m boom
                >&2 echo ▲ [WARNING] careful
                exit /b 3
                """.formatted(e), Redactor.NONE, new Cancellation());
        assertThat(outcome).isInstanceOf(ProcessOutcome.Exited.class);
        assertThat(((ProcessOutcome.Exited) outcome).exitCode()).isEqualTo(3);
        assertThat(lines).extracting(LogLine::worker).containsOnly("w1");
        assertThat(lines).filteredOn(l -> l.text().equals("plain")).singleElement()
                .satisfies(l -> {
                    assertThat(l.stream()).isEqualTo(LogStream.STDOUT);
                    assertThat(l.level()).isEqualTo(LogLevel.INFO);
                });
        assertThat(lines).filteredOn(l -> l.text().equals("✘ [ERROR] boom")).singleElement()
                .satisfies(l -> {
                    assertThat(l.stream()).isEqualTo(LogStream.STDERR);
                    assertThat(l.level()).isEqualTo(LogLevel.ERROR);
                });
        assertThat(lines).filteredOn(l -> l.text().contains("careful")).singleElement()
                .extracting(LogLine::level).isEqualTo(LogLevel.WARN);
        assertThat(outcome.lastLines()).contains("plain", "✘ [ERROR] boom");
    }

    @Test
    void keepsOnlyTheLastLinesForTheOutcome() throws IOException {
        ProcessOutcome outcome = sh("i=0; while [ $i -lt 500 ]; do echo line$i; i=$((i+1)); done",
                "for /l %%i in (0,1,499) do echo line%%i", Redactor.NONE, new Cancellation());
        assertThat(lines).hasSize(500);
        assertThat(outcome.lastLines()).hasSize(ProcessStreamer.TAIL).endsWith("line499");
    }

    @Test
    void feedsStdinAndClosesIt() {
        ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, lines::add)
                .run(ProcessRun.of("w1", FakeChild.WINDOWS ? List.of("findstr", "^") : List.of("cat"), tmp)
                        .withStdin("{\"API_KEY\":\"k\"}\n"), new Cancellation());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(texts()).containsExactly("{\"API_KEY\":\"k\"}");
    }

    @Test
    void withoutStdinAPromptGetsEndOfFileInsteadOfHanging() throws IOException {
        ProcessOutcome outcome = sh("read answer; echo \"got '$answer'\"", """
                set "answer="
                set /p answer=
                echo got '%answer%'
                exit /b 0
                """, Redactor.NONE, new Cancellation());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(texts()).containsExactly("got ''");
    }

    @Test
    void setsAndRemovesEnvironmentVariables() throws IOException {
        ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, lines::add).run(
                ProcessRun.of("w1", child("echo \"a=$ARC_A home=${HOME:-unset}\"", """
                        if not defined HOME set "HOME=unset"
                        echo a=%ARC_A% home=%HOME%
                        """), tmp)
                        .withEnv(Map.of("ARC_A", "1")).withUnsetEnv(Set.of("HOME")), new Cancellation());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(texts()).containsExactly("a=1 home=unset");
    }

    @Test
    void redactsSecretsEvenWhenSplitByColourCodesBeforeListenersAndTheLogFile() throws IOException {
        Path log;
        try (LogFile file = LogFile.create(tmp.resolve("logs"), "deploy")) {
            log = file.path();
            ProcessOutcome outcome = new ProcessStreamer(Redactor.of("tok-SECRET-123", "enc-key-456"), file.andThen(lines::add)).run(
                    ProcessRun.of("w1", child(
                            "echo 'Authorization: Bearer tok-SECRET-123'; printf 'key=enc-\\033[1mkey\\033[0m-456\\n' >&2; "
                                    + "echo '{\"error\":\"bad token tok-SECRET-123\"}' >&2", """
                            echo Authorization: Bearer tok-SECRET-123
                            >&2 echo key=enc-%1$s[1mkey%1$s[0m-456
                            >&2 echo {"error":"bad token tok-SECRET-123"}
                            """.formatted(FakeChild.ESC)), tmp), new Cancellation());
            assertThat(outcome.lastLines()).noneMatch(l -> l.contains("SECRET") || l.contains("key-456"));
        }
        // stdout and stderr are read by separate threads, so only the order within each stream is fixed
        assertThat(texts()).containsExactlyInAnyOrder("Authorization: Bearer ***", "key=***", "{\"error\":\"bad token ***\"}");
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDERR).extracting(LogLine::text)
                .containsExactly("key=***", "{\"error\":\"bad token ***\"}");
        String file = Files.readString(log);
        // the secret's tail, not "456" alone: the file's timestamps may hold those digits
        assertThat(file).doesNotContain("tok-SECRET-123").doesNotContain("key-456").contains("Bearer ***").contains("key=***");
        assertThat(log.getParent()).isEqualTo(tmp.resolve("logs"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs background children and their pids, which batch cannot give")
    void cancelStopsTheProcessAndEveryDescendant() throws Exception {
        Cancellation cancel = new Cancellation();
        CompletableFuture<Void> allStarted = new CompletableFuture<>();
        ProcessStreamer streamer = new ProcessStreamer(Redactor.NONE, line -> {
            lines.add(line);
            if (texts().contains("started") && texts().stream().filter(t -> t.startsWith("pid ")).count() == 3) allStarted.complete(null);
        });
        String script = "sleep 300 & echo \"pid $!\"; sh -c 'sleep 301 & echo \"pid $!\"; wait' & echo \"pid $!\"; echo started; wait";
        CompletableFuture<ProcessOutcome> run = CompletableFuture.supplyAsync(
                () -> streamer.run(ProcessRun.of("w1", List.of("sh", "-c", script), tmp), cancel));
        allStarted.get(20, TimeUnit.SECONDS);
        List<Long> pids = texts().stream().filter(t -> t.startsWith("pid ")).map(t -> Long.parseLong(t.substring(4))).toList();
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        cancel.cancel();

        ProcessOutcome outcome = run.get();
        assertThat(outcome).isInstanceOf(ProcessOutcome.Cancelled.class);
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(lines.getLast().stream()).isEqualTo(LogStream.ARCRUN);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a background child and its pid, which batch cannot give")
    void aRunPastItsTimeoutIsStoppedWithItsChildren() throws Exception {
        ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, lines::add).run(
                ProcessRun.of("w1", List.of("sh", "-c", "sleep 300 & echo \"pid $!\"; wait"), tmp).withTimeout(Duration.ofSeconds(2)),
                new Cancellation());
        assertThat(outcome).isInstanceOf(ProcessOutcome.TimedOut.class);
        long pid = Long.parseLong(texts().getFirst().substring(4));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(texts().getLast()).contains("still running after 2 s");
    }

    @Test
    void aListenerThatThrowsDoesNotStallTheChild() throws IOException {
        // 200,000 lines are far more than a pipe holds: if a throwing listener stopped the draining, this would
        // run into its timeout instead of exiting.
        ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, line -> { throw new IllegalStateException("UI bug"); })
                .run(ProcessRun.of("w1", child("i=0; while [ $i -lt 200000 ]; do echo line$i; i=$((i+1)); done",
                                "for /l %%i in (0,1,199999) do echo line%%i"), tmp)
                        .withTimeout(Duration.ofMinutes(2)), new Cancellation());
        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.Exited.class, e -> {
            assertThat(e.exitCode()).isZero();
            assertThat(e.lastLines()).endsWith("line199999");
        });
    }

    @Test
    void anAlreadyCancelledJobStartsNothing() throws IOException {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Path marker = tmp.resolve("ran");
        ProcessOutcome outcome = sh("touch ran", "type nul > ran", Redactor.NONE, cancel);
        assertThat(outcome).isInstanceOf(ProcessOutcome.Cancelled.class);
        assertThat(marker).doesNotExist();
    }
}
