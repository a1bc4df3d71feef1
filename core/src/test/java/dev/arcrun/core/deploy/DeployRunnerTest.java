package dev.arcrun.core.deploy;

import dev.arcrun.core.Failure;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.AppHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's own logic (order, tiers, environment, secrets on stdin, parsing, redaction) with a shell script in
 * wrangler's place (a .cmd twin on Windows). The real wrangler against the Cloudflare stand-in is in
 * {@code WranglerDeployIT}.
 */
class DeployRunnerTest {

    private static final String TOKEN = "tok-0123456789abcdef";

    /** The sh script's twin for Windows. Redirections come first ("&gt;&amp;2 echo x") so no line gets a trailing space. */
    private static final String WRANGLER_CMD = """
            setlocal EnableDelayedExpansion
            for %%%%I in ("%%CD%%") do set "w=%%%%~nxI"
            shift
            if not "%%~1"=="deploy" exit /b 0
            set "args="
            set "sf="
            set "prev="
            :next
            if "%%~1"=="" goto parsed
            set "args=!args! %%~1"
            if "!prev!"=="--secrets-file" set "sf=%%~1"
            set "prev=%%~1"
            shift
            goto next
            :parsed
            echo args:!args!
            if not defined CLOUDFLARE_API_BASE_URL set "CLOUDFLARE_API_BASE_URL=none"
            echo env: token=%%CLOUDFLARE_API_TOKEN%% account=%%CLOUDFLARE_ACCOUNT_ID%% base=%%CLOUDFLARE_API_BASE_URL%% metrics=%%WRANGLER_SEND_METRICS%% banner=%%WRANGLER_HIDE_BANNER%% ci=%%CI%% xdg=%%XDG_CONFIG_HOME%%
            if exist FAIL (
              >&2 echo %1$s[31m✘ [ERROR]%1$s[0m Build failed with 1 error
              exit /b 1
            )
            if defined sf (
              type "!sf!" > "..\\secrets-!w!.json"
              for /f "usebackq delims=" %%%%L in ("..\\secrets-!w!.json") do >&2 echo the server said: bad value %%%%L
            )
            >>..\\order.txt echo !w!
            echo Deployed !w! triggers (0.01 sec^)
            echo   https://!w!.demo.workers.dev
            echo Current Version ID: v-!w!
            """;

    @TempDir Path tmp;
    private AppHome home;
    private Toolchain fake;
    private final List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void fakeWrangler() throws IOException {
        home = new AppHome(tmp.resolve("home"));
        Path script = tmp.resolve("fake-wrangler.sh");
        Files.writeString(script, """
                w=$(basename "$PWD")
                case "$1" in
                deploy)
                  echo "args: $*"
                  echo "env: token=$CLOUDFLARE_API_TOKEN account=$CLOUDFLARE_ACCOUNT_ID base=${CLOUDFLARE_API_BASE_URL:-none} metrics=$WRANGLER_SEND_METRICS banner=$WRANGLER_HIDE_BANNER ci=$CI xdg=$XDG_CONFIG_HOME"
                  if [ -f FAIL ]; then printf '\\033[31m✘ [ERROR]\\033[0m Build failed with 1 error\\n' >&2; exit 1; fi
                  sf=""; prev=""; for a in "$@"; do [ "$prev" = "--secrets-file" ] && sf="$a"; prev="$a"; done
                  if [ -n "$sf" ]; then cat "$sf" > "../secrets-$w.json"; echo "the server said: bad value $(cat "../secrets-$w.json")" >&2; fi
                  echo "$w" >> ../order.txt
                  echo "Deployed $w triggers (0.01 sec)"
                  echo "  https://$w.demo.workers.dev"
                  echo "Current Version ID: v-$w"
                  ;;
                esac
                """);
        fake = new Toolchain(Path.of("/bin/sh"), script, "22.12.0", "4.0.0");
        if (FakeChild.WINDOWS) {
            // "node wrangler.js args": the twin stands in for node and skips the wrangler.js argument
            fake = new Toolchain(FakeChild.cmdFile(tmp, "fake-wrangler.cmd", WRANGLER_CMD.formatted(FakeChild.ESC)),
                    Path.of("wrangler.js"), "22.12.0", "4.0.0");
        }
    }

    private DeployTarget worker(String name, int tier, boolean failing) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bundle").resolve(name));
        if (failing) Files.writeString(dir.resolve("FAIL"), "");
        return new DeployTarget(name, dir, tier);
    }

    private DeployRunner runner() {
        return new DeployRunner(fake, home, new DeployCredentials(TOKEN, "acc-1", Optional.of("http://127.0.0.1:1/client/v4")));
    }

    @Test
    void deploysInTierOrderAndReportsUrlAndVersion() throws IOException {
        List<DeployTarget> targets = List.of(worker("c", 2, false), worker("a", 0, false), worker("b", 1, false));
        DeployReport report = runner().deploy(targets, Map.of(), lines::add, new Cancellation());

        assertThat(Files.readAllLines(tmp.resolve("bundle/order.txt"))).containsExactly("a", "b", "c");
        assertThat(report.workers()).containsExactly(
                new WorkerOutcome.Deployed("a", Optional.of("https://a.demo.workers.dev"), Optional.of("v-a")),
                new WorkerOutcome.Deployed("b", Optional.of("https://b.demo.workers.dev"), Optional.of("v-b")),
                new WorkerOutcome.Deployed("c", Optional.of("https://c.demo.workers.dev"), Optional.of("v-c")));
        assertThat(report.allDeployed()).isTrue();
    }

    @Test
    void givesWranglerItsEnvironmentAndNeverTheTokenOnTheCommandLine() throws IOException {
        runner().deploy(List.of(worker("a", 0, false)), Map.of(), lines::add, new Cancellation());
        List<String> texts = lines.stream().map(LogLine::text).toList();
        assertThat(texts).contains("args: deploy --x-provision=false");
        assertThat(texts).contains("env: token=*** account=acc-1 base=http://127.0.0.1:1/client/v4 metrics=false banner=true ci=true xdg="
                + home.wranglerConfig());
        assertThat(texts).noneMatch(t -> t.contains(TOKEN));
        assertThat(lines).allMatch(l -> l.worker().equals("a"));
    }

    @Test
    void aFailureStopsLaterTiersButNotTheRestOfItsOwnTier() throws IOException {
        List<DeployTarget> targets = List.of(worker("a", 0, false), worker("b1", 1, true), worker("b2", 1, false), worker("c", 2, false));
        DeployReport report = runner().deploy(targets, Map.of(), lines::add, new Cancellation());

        assertThat(report.workers().get(0)).isInstanceOf(WorkerOutcome.Deployed.class);
        assertThat(report.workers().get(1)).isInstanceOfSatisfying(WorkerOutcome.Failed.class, f -> {
            assertThat(f.exitCode()).isEqualTo(OptionalInt.of(1));
            assertThat(f.reason()).isEqualTo(Failure.of(Failure.Code.PROCESS_EXITED, "wrangler deploy", 1));
            assertThat(f.lastLines()).contains("✘ [ERROR] Build failed with 1 error");
        });
        assertThat(report.workers().get(2)).isInstanceOf(WorkerOutcome.Deployed.class);
        assertThat(report.workers().get(3)).isInstanceOfSatisfying(WorkerOutcome.NotRun.class,
                n -> assertThat(n.reason()).isEqualTo(Failure.of(Failure.Code.DEPLOY_WAITED_FOR, List.of("b1"), 1)));
        // Arcrun's own lines are facts, with their English wording for the log file
        assertThat(lines).filteredOn(l -> l.worker().equals("c") && l.note().isPresent()).singleElement()
                .satisfies(l -> assertThat(l.note().get().code()).isEqualTo(Note.Code.WORKER_NOT_DEPLOYED))
                .satisfies(l -> assertThat(l.text()).isEqualTo("Not deployed: not run because b1 failed and it may depend on it."));
        assertThat(Files.readAllLines(tmp.resolve("bundle/order.txt"))).containsExactly("a", "b2");
        assertThat(report.anyFailed()).isTrue();
    }

    @Test
    void secretsGoWithTheDeployThroughStdinAsJsonAndAreMaskedEverywhereElse() throws IOException {
        Map<String, Map<String, String>> secrets = Map.of("a", Map.of("API_KEY", "api-key-value-1", "ENCRYPTION_KEY", "enc-key-value-2"));
        DeployReport report = runner().deploy(List.of(worker("a", 0, false)), secrets, lines::add, new Cancellation());

        assertThat(report.allDeployed()).isTrue();
        assertThat(Files.readString(tmp.resolve("bundle/secrets-a.json")))
                .contains("\"API_KEY\":\"api-key-value-1\"").contains("\"ENCRYPTION_KEY\":\"enc-key-value-2\"");
        assertThat(lines).anySatisfy(l -> assertThat(l.text()).startsWith("the server said: bad value").contains("***"));
        assertThat(lines).anySatisfy(l -> assertThat(l.text()).contains("API_KEY, ENCRYPTION_KEY"));
        // One wrangler run: the code and its secrets together, the secrets read from stdin (on Windows a private
        // file), never an argument.
        assertThat(lines).anySatisfy(l -> assertThat(l.text()).startsWith("args: deploy --x-provision=false --secrets-file ")
                .endsWith(FakeChild.WINDOWS ? ".json" : "/dev/stdin"));
        assertThat(Files.readAllLines(tmp.resolve("bundle/order.txt"))).containsExactly("a");
        String log = Files.readString(report.logFile());
        assertThat(log).contains("the server said").doesNotContain("api-key-value-1").doesNotContain("enc-key-value-2").doesNotContain(TOKEN);
        assertThat(lines).noneMatch(l -> l.text().contains("value-1") || l.text().contains("value-2"));
        assertThat(report.logFile()).startsWith(home.logs());
    }

    @Test
    void secretsForAWorkerNotInTheBundleAreRefusedBeforeAnythingRuns() throws IOException {
        DeployTarget a = worker("a", 0, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner().deploy(List.of(a), Map.of("typo", Map.of("API_KEY", "v-123")),
                        lines::add, new Cancellation()))
                .isInstanceOf(dev.arcrun.core.UserFacingException.class).hasMessageContaining("'typo'").hasMessageNotContaining("v-123")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(Failure.Code.SECRETS_FOR_UNKNOWN_WORKER));
        assertThat(tmp.resolve("bundle/order.txt")).doesNotExist();
    }

    @Test
    void aCancelledDeployRunsNothingMore() throws IOException {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        DeployReport report = runner().deploy(List.of(worker("a", 0, false), worker("b", 1, false)), Map.of(), lines::add, cancel);
        assertThat(report.workers()).allMatch(w -> w instanceof WorkerOutcome.NotRun n
                && n.reason().code() == Failure.Code.DEPLOY_CANCELLED);
        assertThat(tmp.resolve("bundle/order.txt")).doesNotExist();
    }
}
