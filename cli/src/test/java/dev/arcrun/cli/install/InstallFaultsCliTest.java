package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare misbehaving mid-install, through the real CLI and the real wrangler: a failure beyond the retry budget
 * ends in an honest report at the step it hit (exit 1, no engine claimed), and {@code --resume} once Cloudflare
 * behaves finishes the install without creating or deploying anything twice.
 */
class InstallFaultsCliTest {
    private static final RequestMatcher NAMESPACE_CREATE = RequestMatcher.of("POST", ".*/storage/kv/namespaces");
    private static final RequestMatcher KV_BULK_WRITE = RequestMatcher.of("PUT", ".*/storage/kv/namespaces/[^/]+/bulk");
    private static final RequestMatcher BUCKET_CREATE = RequestMatcher.of("POST", ".*/r2/buckets");

    @RegisterExtension
    final StandInCli cli = new StandInCli();

    @Test
    void aRateLimitStormOnKvEndsFailedAtSeedAndResumeSeedsWithoutRedeploying() {
        // a short storm the retries ride out, then one on the seed writes that outlasts the rate-limit budget
        cli.cf.faults().rateLimit(NAMESPACE_CREATE, 3, 1).rateLimit(KV_BULK_WRITE, 10_000, 1);

        var failed = cli.run("install", "--target", "cloudflare", "--json");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        JsonNode report = failed.json();
        assertThat(report.path("outcome").asText()).isEqualTo("failed");
        assertThat(report.path("failed_step").asText()).isEqualTo("seed");
        assertThat(report.path("cause").asText()).contains("rate-limiting", "429");
        assertThat(StandInCli.stepStatus(report)).containsEntry("provision", "succeeded").containsEntry("deploy", "succeeded")
                .containsEntry("seed", "failed").doesNotContainKeys("config", "check");
        InstallConfig half = cli.config();
        assertThat(half.bundle()).as("no engine is claimed before the install finished").isNull();
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
        int uploads = cli.deploys.uploads().size();

        cli.cf.faults().clear();
        var resumed = cli.run("install", "--target", "cloudflare", "--resume", "--json");
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        JsonNode done = resumed.json();
        assertThat(done.path("outcome").asText()).isEqualTo("completed");
        assertThat(StandInCli.stepStatus(done)).containsEntry("provision", "skipped").containsEntry("deploy", "skipped")
                .containsEntry("seed", "succeeded").containsEntry("config", "succeeded");
        assertThat(StandInCli.stepSummary(done).get("deploy")).isEqualTo("done in an earlier run");
        assertThat(cli.deploys.uploads()).as("nothing deployed twice").hasSize(uploads);

        InstallConfig config = cli.config();
        cli.assertDeployedWithRealIds(config);
        assertThat(config.bundle().version()).isEqualTo("0.1.0");
        var recipes = cli.cf.state().namespace(cli.cf.accountId(), config.resources().kv().get("AUTH_RECIPES")).orElseThrow();
        assertThat(recipes.entries()).containsKey("recipe:openai");
        assertThat(config.journal()).hasSize(7 + 1 + 2);
    }

    @Test
    void serverErrorsOnBucketCreationEndFailedAtProvisionAndResumeCreatesOnlyTheBucket() {
        cli.cf.faults().serverError(BUCKET_CREATE, 10_000, 500);

        var failed = cli.run("install", "--target", "cloudflare", "--json");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        JsonNode report = failed.json();
        assertThat(report.path("failed_step").asText()).isEqualTo("provision");
        assertThat(report.path("cause").asText()).contains("500");
        assertThat(report.path("engine_url").isNull()).isTrue();
        assertThat(cli.cf.state().buckets(cli.cf.accountId())).isEmpty();
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
        // what was created before the failure is this install's: uninstall must be able to find it
        assertThat(cli.config().journal()).filteredOn(e -> e.kind() == JournalEntry.Kind.KV_NAMESPACE).hasSize(7);
        assertThat(cli.config().bundle()).isNull();

        cli.cf.faults().clear();
        cli.cf.faults().serverError(BUCKET_CREATE, 2, 503); // a burst the retries ride out
        var resumed = cli.run("install", "--target", "cloudflare", "--resume", "--json");
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(StandInCli.stepStatus(resumed.json())).containsEntry("verify", "skipped").containsEntry("provision", "succeeded")
                .containsEntry("deploy", "succeeded");
        assertThat(StandInCli.stepSummary(resumed.json()).get("provision")).contains("1 created", "7 reused");

        InstallConfig config = cli.config();
        cli.assertDeployedWithRealIds(config);
        assertThat(config.journal()).hasSize(7 + 1 + 2).extracting(e -> e.kind() + " " + e.name()).doesNotHaveDuplicates();
    }

    @Test
    void oneWorkerThatDoesNotBuildEndsFailedAtDeployWithWranglersErrorAndResumeDeploysTheFixedEngine(@TempDir Path work) throws Exception {
        Path top = EngineBundles.unpackBuiltin(work.resolve("src"));
        Path index = top.resolve("workers/cypher-executor/src/index.ts");
        String good = Files.readString(index);
        Files.writeString(index, good + "\nexport const broken = (;\n");
        Path engine = EngineBundles.pack(top, top.getFileName().toString(), work.resolve("engine.tar.gz"));

        var failed = cli.run("install", "--target", "cloudflare", "--source", engine.toString(), "--json");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        JsonNode report = failed.json();
        assertThat(report.path("failed_step").asText()).isEqualTo("deploy");
        String cause = report.path("cause").asText();
        assertThat(cause).contains("Deployed: arcrun-registry", "Failed: arcrun-cypher-executor");
        assertThat(cause).as("wrangler's own words about the error").contains("[ERROR]", "src/index.ts:", "broken = (;")
                .doesNotContain("Logs were written");
        assertThat(report.path("advice_code").asText()).isEqualTo("deploy_lines");
        assertThat(report.path("advice").asText()).contains("wrangler").doesNotContain("Try again");
        assertThat(failed.err()).as("the streamed wrangler lines").contains("arcrun-cypher-executor | ");
        assertThat(cli.deploys.latestUpload(cli.cf.accountId(), "arcrun-registry")).isPresent();
        assertThat(cli.deploys.latestUpload(cli.cf.accountId(), "arcrun-cypher-executor")).isEmpty();
        InstallConfig half = cli.config();
        assertThat(half.bundle()).as("the broken engine is never recorded as installed").isNull();
        assertThat(half.engineUrl()).isNull();
        assertThat(StatusCommand.describe(half).path("complete").asBoolean()).isFalse();

        // the user fixes the code in the same file and continues: the changed file is fetched again
        Files.writeString(index, good);
        EngineBundles.pack(top, top.getFileName().toString(), engine);
        int uploads = cli.deploys.uploads().size();
        var fixed = cli.run("install", "--target", "cloudflare", "--resume", "--json");
        assertThat(fixed.exit()).as(fixed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        var status = StandInCli.stepStatus(fixed.json());
        for (String step : java.util.List.of("toolchain", "verify", "provision", "subdomain")) {
            assertThat(StandInCli.stepSummary(fixed.json()).get(step)).as(step).isEqualTo("done in an earlier run");
        }
        assertThat(status).containsEntry("fetch", "succeeded").containsEntry("inject", "succeeded").containsEntry("deploy", "succeeded");
        InstallConfig config = cli.config();
        cli.assertDeployedWithRealIds(config);
        assertThat(config.bundle().source()).isEqualTo(engine.toString());
        assertThat(cli.deploys.latestUpload(cli.cf.accountId(), "arcrun-cypher-executor").orElseThrow().mainModuleContent().orElseThrow())
                .doesNotContain("broken = (");
        assertThat(cli.deploys.uploads()).hasSize(uploads + 2);
        assertThat(config.journal()).hasSize(7 + 1 + 2);
    }

    @Test
    void resumeWithAnotherSourceFetchesItInsteadOfReusingTheEarlierEngine(@TempDir Path work) throws Exception {
        Path top = EngineBundles.unpackBuiltin(work.resolve("src"));
        Path index = top.resolve("workers/cypher-executor/src/index.ts");
        Files.writeString(index, Files.readString(index) + "\nexport const broken = (;\n");
        Path broken = EngineBundles.pack(top, top.getFileName().toString(), work.resolve("broken.tar.gz"));
        assertThat(cli.run("install", "--target", "cloudflare", "--source", broken.toString()).exit()).isEqualTo(1);

        var fixed = cli.run("install", "--target", "cloudflare", "--source", "builtin", "--resume", "--json");
        assertThat(fixed.exit()).as(fixed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(StandInCli.stepStatus(fixed.json())).containsEntry("provision", "skipped").containsEntry("fetch", "succeeded");
        assertThat(cli.config().bundle().source()).isEqualTo("builtin");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
    }
}
