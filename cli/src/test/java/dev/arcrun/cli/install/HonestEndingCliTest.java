package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.ChildCli;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an install ends, told honestly: an engine that does not answer is a warning and exit 3, never "ready";
 * Ctrl-C prints the command that resumes, and that command finishes the install; {@code --resume} picks the
 * unfinished install and never reports "Done" for another one.
 */
class HonestEndingCliTest {
    @RegisterExtension
    final StandInCli cli = new StandInCli();

    @TempDir
    Path scratch;

    @Test
    void anEngineThatDoesNotAnswerEndsWithAWarningAndExit3() {
        var run = cli.run("install", "--target", "cloudflare", "--no-wait");
        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).doesNotContain("Done", "is ready").doesNotContainPattern("✓ deployed to .*did not answer");
        assertThat(run.out().lines().filter(l -> l.contains("did not answer yet"))).allMatch(l -> l.contains("! "));
        assertThat(run.err()).contains("arcrun: warning:", "does not answer yet", "arcrun status")
                .doesNotContain("local start");

        // Nothing is unfinished now: --resume says so instead of "Done" about the finished install.
        var resume = cli.run("install", "--resume");
        assertThat(resume.exit()).isEqualTo(1);
        assertThat(resume.err()).contains("There is no unfinished install to resume", "arcrun update");
        assertThat(resume.out()).doesNotContain("Done");
    }

    @Test
    void resumeWithSeveralUnfinishedInstallsAsksWhichOne() {
        cli.cf.faults().serverError(RequestMatcher.of("POST", ".*/r2/buckets"), 10_000, 500);
        assertThat(cli.run("install", "--target", "cloudflare").exit()).isEqualTo(1);
        assertThat(cli.run("install", "--target", "cloudflare", "--prefix", "team2-").exit()).isEqualTo(1);
        var resume = cli.run("install", "--resume");
        assertThat(resume.exit()).isEqualTo(1);
        assertThat(resume.err()).contains("Several installs are unfinished", "cloudflare (stopped at provision)",
                "cloudflare-team2 (stopped at provision)", "--name NAME");
    }

    @Test
    void ctrlCPrintsTheResumeLineAndThatLineFinishesTheInstall() throws Exception {
        cli.shareToolchainWithChildren();

        CountDownLatch release = new CountDownLatch(1);
        // A slow step: the first namespace creation is held until the user has pressed Ctrl-C.
        CountDownLatch slow = cli.holdFirst(RequestMatcher.of("POST", ".*/storage/kv/namespaces"), release);
        Path log = scratch.resolve("install.log");
        Process child = cli.startChild(log, "install", "--target", "cloudflare");
        try {
            assertThat(slow.await(3, TimeUnit.MINUTES)).as("provisioning began; output:\n%s", ChildCli.read(log)).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // The request is let go only once the CLI's Ctrl-C hook has cancelled and waits for the closing line,
            // so the cancel, not chance, ends the install.
            ChildCli.awaitWaitingThread(child, "arcrun-cancel", Duration.ofSeconds(30));
            release.countDown();
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the CLI ends after Ctrl-C; output:\n%s", ChildCli.read(log)).isTrue();
        } finally {
            release.countDown();
            child.destroyForcibly();
        }
        String output = ChildCli.read(log);
        String line = output.lines().filter(l -> l.startsWith("Cancelled. Continue with: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no resume line in:\n" + output));
        String command = line.substring("Cancelled. Continue with: ".length());
        assertThat(command).isEqualTo("arcrun install --resume --name cloudflare");
        assertThat(output).doesNotContain("Done");

        String[] args = command.substring("arcrun ".length()).split(" ");
        var resumed = cli.run(args);
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(resumed.out()).contains("Prepare node and wrangler: skipped, done in an earlier run");
        cli.assertDeployedWithRealIds(cli.config());
        assertThat(cli.config().bundle()).isNotNull();
    }
}
