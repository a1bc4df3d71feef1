package dev.arcrun.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.ArcrunCli;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code arcrun deploy} with the real wrangler against the Cloudflare stand-in. */
class DeployCommandTest {

    @TempDir Path tmp;
    CloudflareStandIn cf;
    WorkerDeployState deploys;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void standIn() {
        cf = CloudflareStandIn.builder().start();
        deploys = WorkerDeployEndpoints.installOn(cf).state();
    }

    @AfterEach
    void stop() {
        cf.close();
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new DeployCommand(env, () -> new AppHome(tmp.resolve("home")), h -> ToolchainManager.forTests()));
        cl.setExecutionExceptionHandler(ArcrunCli.newCommandLine().getExecutionExceptionHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path bundle(boolean brokenGateway) throws IOException {
        Path root = tmp.resolve("bundle");
        worker(root.resolve("workers/gateway"), "arcrun-gateway", "[[services]]\nbinding = \"EXECUTOR\"\nservice = \"arcrun-cypher-executor\"\n",
                brokenGateway ? "export default { fetch() { return new Response('x' } };" : "export default { fetch() { return new Response('g'); } };");
        worker(root.resolve("workers/registry"), "arcrun-registry", "", "export default { fetch() { return new Response('r'); } };");
        worker(root.resolve("workers/executor"), "arcrun-cypher-executor", "[[services]]\nbinding = \"REGISTRY\"\nservice = \"arcrun-registry\"\n",
                "export default { fetch(req, env) { return env.REGISTRY.fetch(req); } };");
        return root;
    }

    private static void worker(Path dir, String name, String extra, String source) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("wrangler.toml"), "name = \"" + name + "\"\nmain = \"src/index.js\"\ncompatibility_date = \"2025-01-01\"\n\n" + extra);
        Files.writeString(dir.resolve("src/index.js"), source);
    }

    private Map<String, String> env() {
        return Map.of("CLOUDFLARE_API_TOKEN", cf.token(), "CLOUDFLARE_ACCOUNT_ID", cf.accountId(),
                "CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString());
    }

    @Test
    void jsonModePrintsOneDocumentOnStdoutAndTheLiveLinesOnStderr() throws IOException {
        int code = run(env(), "--dir", bundle(false).toString(), "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("workers")).hasSize(3);
        assertThat(doc.path("workers").findValuesAsText("name")).containsExactly("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway");
        for (JsonNode w : doc.path("workers")) {
            assertThat(w.path("status").asText()).isEqualTo("deployed");
            assertThat(w.path("url").asText()).isEqualTo("https://" + w.path("name").asText() + ".arcrun-test.workers.dev");
            assertThat(w.path("version_id").asText()).isEqualTo(deploys.uploads(w.path("name").asText()).getLast().versionId());
            assertThat(w.path("exit_code").isNull()).isTrue();
        }
        assertThat(deploys.uploadOrder()).containsExactly("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway");
        assertThat(err.toString()).contains("[arcrun-registry] Uploaded arcrun-registry").contains("[arcrun-gateway] Current Version ID:");
        assertThat(out + err.toString()).doesNotContain(cf.token());
    }

    @Test
    void aFailedWorkerMeansExitOneWithItsCodeAndTheRestNotRun() throws IOException {
        // Token and account from options this time, not the environment.
        Path tokenFile = Files.writeString(tmp.resolve("token"), cf.token() + "\n");
        int code = run(Map.of(), "--dir", bundle(true).toString(), "--json", "--token-file", tokenFile.toString(),
                "--account", cf.accountId(), "--api-base", cf.baseUrl().toString());

        assertThat(code).isEqualTo(1);
        JsonNode workers = new ObjectMapper().readTree(out.toString()).path("workers");
        assertThat(workers.findValuesAsText("status")).containsExactly("deployed", "deployed", "failed");
        assertThat(workers.get(2).path("exit_code").asInt()).isEqualTo(1);
        assertThat(workers.get(2).path("url").isNull()).isTrue();
        assertThat(workers.get(2).path("reason_code").asText()).as("a stable code, not words").isEqualTo("process_exited");
        assertThat(err.toString()).contains("[arcrun-gateway] ✘ [ERROR] Build failed");
    }

    @Test
    void plainModeShowsLiveLinesThenASummary() throws IOException {
        int code = run(env(), "--dir", bundle(false).toString());

        assertThat(code).isZero();
        String text = out.toString();
        assertThat(text).contains("[arcrun-registry] Deploying arcrun-registry (tier 0)");
        assertThat(text).containsPattern("arcrun-cypher-executor\\s+deployed\\s+https://arcrun-cypher-executor\\.arcrun-test\\.workers\\.dev");
        assertThat(text).contains("Full log: " + tmp.resolve("home/logs"));
        assertThat(text.indexOf("Deploying arcrun-registry")).isLessThan(text.indexOf("Deploying arcrun-cypher-executor"));
    }

    @Test
    void withoutATokenSaysHowToGiveOne() throws IOException {
        int code = run(Map.of(), "--dir", bundle(false).toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("arcrun: No Cloudflare API token was given.").contains("CLOUDFLARE_API_TOKEN", "--token-file");
        assertThat(deploys.uploads()).isEmpty();
    }

    @Test
    void withoutAnAccountUsesTheTokensOnlyAccount() throws IOException {
        int code = run(Map.of("CLOUDFLARE_API_TOKEN", cf.token(), "CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()),
                "--dir", bundle(false).toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        assertThat(deploys.uploads()).allMatch(u -> u.accountId().equals(cf.accountId())).hasSize(3);
    }

    @Test
    void aFolderWithoutWorkersIsAClearError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        int code = run(env(), "--dir", tmp.resolve("empty").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("arcrun: No worker found in");
    }

    @Test
    void deployIsASubcommandOfArcrun() {
        assertThat(ArcrunCli.newCommandLine().getSubcommands()).containsKey("deploy");
        assertThat(ArcrunCli.newCommandLine().execute("deploy")).isEqualTo(2); // --dir is required: a usage error
        assertThat(List.of(ArcrunCli.newCommandLine().getSubcommands().get("deploy").getCommandSpec().options().stream()
                .map(o -> o.longestName()).toArray())).contains("--dir", "--json");
    }
}
