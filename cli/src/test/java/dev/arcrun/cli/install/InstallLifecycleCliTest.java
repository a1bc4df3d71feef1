package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.config.HistoryEvent;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The install commands a user runs after the install, through the real CLI and wrangler against the stand-in. */
class InstallLifecycleCliTest {
    @RegisterExtension
    final StandInCli cli = new StandInCli();

    @Test
    void aDryRunPrintsThePlanAndTouchesNothing() {
        var plan = cli.run("install", "--target", "cloudflare", "--dry-run", "--json");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        JsonNode json = plan.json();
        assertThat(json.path("dry_run").asBoolean()).isTrue();
        assertThat(json.path("plan").findValuesAsText("code")).contains("kv.create", "r2.create", "config.create", "deploy");
        assertThat(json.path("plan").findValuesAsText("action"))
                .contains("Create the storage \"arcrun-credentials\" (a KV namespace)",
                        "Create the file bucket \"arcrun-components\" (R2)")
                .anyMatch(a -> a.startsWith("Save the install's settings") && a.contains("cloudflare"));
        assertThat(cli.cf.exchanges()).allMatch(e -> e.method().equals("GET"), "only reads");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).isEmpty();
        assertThat(cli.cf.state().buckets(cli.cf.accountId())).isEmpty();
        assertThat(cli.store().names()).isEmpty();
        assertThat(cli.home.installs()).doesNotExist();
        assertThat(cli.secrets.get("cloudflare", dev.arcrun.core.config.SecretKind.API_KEY)).isEmpty();
    }

    @Test
    void withoutATokenTheInstallStopsAtOnceAndLeavesNothingBehind() {
        InstallEnvironment.use(Map.of("CLOUDFLARE_API_BASE_URL", cli.cf.baseUrl().toString()),
                h -> new dev.arcrun.core.config.FileSecretStore(h, "tests use a file"), h -> dev.arcrun.core.deploy.ToolchainManager.forTests());
        var run = cli.run("install", "--target", "cloudflare");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("arcrun: No Cloudflare API token was given.").contains("CLOUDFLARE_API_TOKEN", "--token-file");
        assertThat(run.out()).doesNotContain("Prepare node and wrangler");
        assertThat(cli.cf.exchanges()).isEmpty();
        assertThat(cli.home.installs()).doesNotExist();
    }

    @Test
    void statusGuardsUninstallAndUpdatesThenRollsBack(@TempDir Path work) throws Exception {
        Path v011 = EngineBundles.withVersion(work.resolve("src"), "0.1.1", work.resolve("arcrun-engine-0.1.1.tar.gz"));
        var installed = cli.run("install", "--target", "cloudflare", "--json");
        assertThat(installed.exit()).as(installed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);

        // status: what uninstall --confirm expects, and the truth about health
        var status = cli.run("status", "--json");
        // the engine's workers.dev address is not reachable from here: status says so and exits 1
        assertThat(status.exit()).as(status.toString()).isEqualTo(1);
        assertThat(status.err()).contains("does not answer", "arcrun status").doesNotContain("local start");
        assertThat(status.json().path("installs")).hasSize(1);
        JsonNode s = status.json().path("installs").path(0);
        assertThat(s.path("name").asText()).isEqualTo("cloudflare");
        assertThat(s.path("target").asText()).isEqualTo("cloudflare");
        assertThat(s.path("engine_url").asText()).isEqualTo("https://arcrun-cypher-executor.arcrun-test.workers.dev");
        assertThat(s.path("version").asText()).isEqualTo("0.1.0");
        assertThat(s.path("health").asText()).isEqualTo("unreachable"); // no internet here: never claimed "ok"

        // uninstall without, then with a wrong, confirmation: exit 1, nothing deleted
        var unconfirmed = cli.run("uninstall");
        assertThat(unconfirmed.exit()).isEqualTo(1);
        assertThat(unconfirmed.out()).contains("kv namespace arcrun-credentials", "worker arcrun-registry");
        assertThat(unconfirmed.err()).contains("Nothing was deleted", "--confirm cloudflare");
        var wrong = cli.run("uninstall", "--confirm", "cloudflare-other");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
        assertThat(cli.cf.state().buckets(cli.cf.accountId())).hasSize(1);
        assertThat(cli.cf.state().scripts(cli.cf.accountId())).hasSize(2);
        assertThat(cli.store().find("cloudflare")).isPresent();

        // update to 0.1.1: both workers take wrangler's versions path, the 0.1.0 bundle stays for rollback
        int before = cli.deploys.uploads().size();
        var updated = cli.run("update", "--source", v011.toString(), "--json");
        assertThat(updated.exit()).as(updated.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(StandInCli.stepStatus(updated.json())).containsEntry("deploy", "succeeded").containsEntry("config", "succeeded");
        assertThat(StandInCli.stepSummary(updated.json()).get("config")).contains("0.1.0 → 0.1.1");
        var redeployed = cli.deploys.uploads().subList(before, cli.deploys.uploads().size());
        assertThat(redeployed).extracting(WorkerDeployState.Upload::script).containsExactly(StandInCli.ENGINE_WORKERS);
        assertThat(redeployed).allMatch(u -> u.path() == WorkerDeployState.UploadPath.VERSION);
        assertThat(latestExecutorCode()).contains("0.1.1");
        InstallConfig config = cli.config();
        cli.assertDeployedWithRealIds(config);
        assertThat(config.bundle().version()).isEqualTo("0.1.1");
        assertThat(config.previousBundle().version()).isEqualTo("0.1.0");
        assertThat(bundleDir(config.previousBundle().sha256())).isDirectory();
        assertThat(config.history().getLast()).extracting(HistoryEvent::kind, HistoryEvent::fromVersion, HistoryEvent::toVersion)
                .containsExactly(HistoryEvent.Kind.UPDATED, "0.1.0", "0.1.1");

        // again, from where it came (the same 0.1.1 file): nothing to do
        int afterUpdate = cli.deploys.uploads().size();
        var again = cli.run("update", "--json");
        assertThat(again.exit()).as(again.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(StandInCli.stepStatus(again.json())).containsEntry("deploy", "skipped").containsEntry("seed", "skipped")
                .containsEntry("config", "skipped");
        assertThat(StandInCli.stepSummary(again.json()).get("deploy")).contains("0.1.1 is already deployed");
        assertThat(again.json().path("engine_answers").asBoolean(true)).isFalse();
        assertThat(again.json().path("unchanged").asText()).isEqualTo("Already up to date (0.1.1): nothing was deployed.");
        assertThat(cli.deploys.uploads()).hasSize(afterUpdate);
        assertThat(cli.config().history()).hasSize(2);
        var againText = cli.run("update");
        assertThat(againText.out()).contains("Already up to date (0.1.1)").doesNotContain("Done");
        assertThat(cli.deploys.uploads()).hasSize(afterUpdate);

        // rollback: 0.1.0 goes out again
        var rolledBack = cli.run("rollback", "--json");
        assertThat(rolledBack.exit()).as(rolledBack.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(rolledBack.err()).contains("Rolling back 'cloudflare' from 0.1.1 to 0.1.0.");
        assertThat(StandInCli.stepStatus(rolledBack.json())).containsEntry("deploy", "succeeded");
        assertThat(cli.deploys.uploads()).hasSize(afterUpdate + 2);
        assertThat(latestExecutorCode()).doesNotContain("0.1.1").contains("0.1.0");
        InstallConfig back = cli.config();
        cli.assertDeployedWithRealIds(back);
        assertThat(back.bundle().version()).isEqualTo("0.1.0");
        assertThat(back.previousBundle().version()).isEqualTo("0.1.1");
        assertThat(back.history().getLast()).extracting(HistoryEvent::kind, HistoryEvent::fromVersion, HistoryEvent::toVersion)
                .containsExactly(HistoryEvent.Kind.ROLLED_BACK, "0.1.1", "0.1.0");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);

        // a second rollback would go "back" to the newer 0.1.1: refused, nothing deployed
        int afterRollback = cli.deploys.uploads().size();
        var twice = cli.run("rollback");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("already runs 0.1.0, the oldest engine kept", "arcrun update");
        assertThat(cli.deploys.uploads()).hasSize(afterRollback);
    }

    @Test
    void aPrefixedInstallUpdatesAndRollsBackUnderItsOwnNamesOnly(@TempDir Path work) throws Exception {
        Path v011 = EngineBundles.withVersion(work.resolve("src"), "0.1.1", work.resolve("arcrun-engine-0.1.1.tar.gz"));
        var installed = cli.run("install", "--target", "cloudflare", "--prefix", "team2-", "--json");
        assertThat(installed.exit()).as(installed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(installed.json().path("name").asText()).isEqualTo("cloudflare-team2");

        var updated = cli.run("update", "--name", "cloudflare-team2", "--source", v011.toString(), "--json");
        assertThat(updated.exit()).as(updated.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(executorCode("team2-cypher-executor")).contains("0.1.1");
        var rolledBack = cli.run("rollback", "--name", "cloudflare-team2", "--json");
        assertThat(rolledBack.exit()).as(rolledBack.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(executorCode("team2-cypher-executor")).doesNotContain("0.1.1").contains("0.1.0");

        // the update and rollback kept the prefix: nothing under the default names was ever created
        assertThat(cli.cf.state().scripts(cli.cf.accountId())).extracting(sc -> sc.name())
                .containsExactlyInAnyOrder("team2-registry", "team2-cypher-executor");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7).allMatch(n -> n.title().startsWith("team2-"));
        assertThat(cli.cf.state().buckets(cli.cf.accountId())).extracting(b -> b.name()).containsExactly("team2-components");
        InstallConfig config = cli.store().load("cloudflare-team2");
        assertThat(config.engineUrl()).isEqualTo("https://team2-cypher-executor.arcrun-test.workers.dev");
        assertThat(config.bundle().version()).isEqualTo("0.1.0");
    }

    /**
     * An install made before the generated configs: its bundle's wrangler.toml files were injected in place (real
     * ids, the prefixed names) and there is no wrangler.arcrun.json. It still updates and rolls back under its own
     * names, with its real ids, and the rollback's re-injection gives wrangler the values the old files had.
     */
    @Test
    void aBundleInjectedInPlaceByAnEarlierVersionStillUpdatesAndRollsBack(@TempDir Path work) throws Exception {
        Path v011 = EngineBundles.withVersion(work.resolve("src"), "0.1.1", work.resolve("arcrun-engine-0.1.1.tar.gz"));
        var installed = cli.run("install", "--target", "cloudflare", "--prefix", "team2-", "--json");
        assertThat(installed.exit()).as(installed.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        Path bundles = cli.store().folder("cloudflare-team2").resolve("bundles");
        var toml = new com.fasterxml.jackson.dataformat.toml.TomlMapper();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<Path> generated;
        try (var files = Files.walk(bundles)) {
            generated = files.filter(f -> f.getFileName().toString().equals("wrangler.arcrun.json")).toList();
        }
        assertThat(generated).hasSize(2);
        for (Path g : generated) { // what the earlier version left: the injected values in the bundle's own file
            Files.writeString(g.resolveSibling("wrangler.toml"), toml.writeValueAsString(json.readTree(g.toFile())));
            Files.delete(g);
        }

        var updated = cli.run("update", "--name", "cloudflare-team2", "--source", v011.toString(), "--json");
        assertThat(updated.exit()).as(updated.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(executorCode("team2-cypher-executor")).contains("0.1.1");
        var rolledBack = cli.run("rollback", "--name", "cloudflare-team2", "--json");
        assertThat(rolledBack.exit()).as(rolledBack.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(executorCode("team2-cypher-executor")).doesNotContain("0.1.1").contains("0.1.0");

        InstallConfig config = cli.store().load("cloudflare-team2");
        assertThat(config.bundle().version()).isEqualTo("0.1.0");
        assertThat(cli.cf.state().scripts(cli.cf.accountId())).extracting(sc -> sc.name())
                .containsExactlyInAnyOrder("team2-registry", "team2-cypher-executor");
        var executor = cli.deploys.latestUpload(cli.cf.accountId(), "team2-cypher-executor").orElseThrow();
        assertThat(executor.binding("REGISTRY").orElseThrow().path("service").asText()).isEqualTo("team2-registry");
        assertThat(executor.binding("CREDENTIALS").orElseThrow().path("namespace_id").asText())
                .isEqualTo(config.resources().kv().get("CREDENTIALS"));
        assertThat(executor.binding("COMPONENT_BINARIES").orElseThrow().path("bucket_name").asText()).isEqualTo("team2-components");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
    }

    private String executorCode(String script) {
        return cli.deploys.latestUpload(cli.cf.accountId(), script).orElseThrow().mainModuleContent().orElseThrow();
    }

    private String latestExecutorCode() {
        return executorCode("arcrun-cypher-executor");
    }

    private Path bundleDir(String sha256) {
        return cli.store().folder("cloudflare").resolve("bundles").resolve(sha256.substring(0, 16));
    }
}
