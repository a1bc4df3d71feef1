package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.cli.ChildCli;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arcrun install} runs as its own process and is killed (SIGKILL, with wrangler and everything it started)
 * while wrangler uploads the second worker; {@code --resume} then finishes the install without redoing the
 * finished steps or duplicating anything.
 */
class InstallKillResumeTest {
    @RegisterExtension
    final StandInCli cli = new StandInCli();

    @TempDir
    Path scratch;

    @Test
    void anInstallKilledDuringDeployResumesWithoutDuplicates() throws Exception {
        cli.shareToolchainWithChildren();

        CountDownLatch killed = new CountDownLatch(1);
        // Holds the executor's upload until the client is dead: Cloudflare got it, the installer never heard back.
        CountDownLatch uploading = cli.holdFirst(RequestMatcher.of("PUT", ".*/workers/scripts/arcrun-cypher-executor"), killed);

        Path log = scratch.resolve("install.log");
        Process child = cli.startChild(log, "install", "--target", "cloudflare");
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            assertThat(uploading.await(3, TimeUnit.MINUTES)).as("the executor's upload began; output:\n%s", ChildCli.read(log)).isTrue();
            assertThat(ChildCli.read(log)).contains("Deploy the workers and their secrets").doesNotContain("Done:");
            tree.addAll(child.descendants().toList()); // taken first: once the JVM is dead its children are orphans
            assertThat(tree).as("wrangler is running").isNotEmpty();
            child.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        } finally {
            killed.countDown();
            child.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);

        // what the killed run left: a readable config, finished steps up to the keys, no engine claimed
        InstallConfig left = cli.config();
        assertThat(left.finishedSteps()).contains("TOOLCHAIN", "VERIFY", "PROVISION", "FETCH", "INJECT", "KEYS")
                .doesNotContain("DEPLOY", "CONFIG");
        assertThat(left.bundle()).isNull();
        assertThat(left.journal()).as("the registry was deployed before the kill: uninstall must know it")
                .anyMatch(e -> e.name().equals("arcrun-registry"))
                .noneMatch(e -> e.name().equals("arcrun-cypher-executor"));
        String apiKey = cli.secrets.get("cloudflare", SecretKind.API_KEY).orElseThrow();

        var resumed = cli.run("install", "--target", "cloudflare", "--resume", "--json");
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        JsonNode report = resumed.json();
        assertThat(report.path("outcome").asText()).isEqualTo("completed");
        var status = StandInCli.stepStatus(report);
        var summary = StandInCli.stepSummary(report);
        for (String step : List.of("toolchain", "verify", "provision", "subdomain", "fetch", "discover", "inject", "keys")) {
            assertThat(status.get(step)).as(step).isEqualTo("skipped");
            assertThat(summary.get(step)).as(step).isEqualTo("done in an earlier run");
        }
        assertThat(status).containsEntry("deploy", "succeeded").containsEntry("seed", "succeeded").containsEntry("config", "succeeded");

        InstallConfig config = cli.config();
        cli.assertDeployedWithRealIds(config);
        assertThat(cli.deploys.secretValue(cli.cf.accountId(), "arcrun-cypher-executor", "API_KEY")).contains(apiKey);
        assertThat(config.bundle().version()).isEqualTo("0.1.0");
        assertThat(config.engineUrl()).isEqualTo("https://arcrun-cypher-executor.arcrun-test.workers.dev");
        assertThat(config.journal()).hasSize(7 + 1 + 2).extracting(e -> e.kind() + " " + e.name()).doesNotHaveDuplicates();
        assertThat(config.history()).hasSize(1);
    }
}
