package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.cli.ChildCli;
import dev.arcrun.cli.InProcessCli;
import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.RetryPolicy;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-process CLI against the Cloudflare stand-in (with wrangler's deploy endpoints), in its own app folder,
 * with the shared test toolchain, a file secret store and tiny retry waits. A test registers it with
 * {@code @RegisterExtension}: each test gets a fresh stand-in and app folder; afterwards the contract is checked
 * and both are gone.
 */
final class StandInCli implements BeforeEachCallback, AfterEachCallback {
    static final String[] ENGINE_WORKERS = {"arcrun-registry", "arcrun-cypher-executor"};
    /** The exit code of an install whose engine does not answer (its workers.dev address is not reachable from a test). */
    static final int NOT_ANSWERING = 3;

    CloudflareStandIn cf;
    WorkerDeployState deploys;
    AppHome home;
    FileSecretStore secrets;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path root = Files.createTempDirectory("arcrun-cli-test");
        cf = CloudflareStandIn.builder().validateContract().start();
        deploys = WorkerDeployEndpoints.installOn(cf).state();
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "tests use a file");
        InstallEnvironment.use(env(), h -> new FileSecretStore(h, "tests use a file"), h -> ToolchainManager.forTests());
        InstallEnvironment.useHome(home);
        InstallEnvironment.tuneSessions(s -> {
            s.cloudflareOptions(CloudflareClient.Options.defaults()
                    .withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50),
                            Duration.ofMillis(300), Duration.ofSeconds(30))));
            s.checkWait(Duration.ZERO); // the stand-in's workers.dev addresses never answer: do not wait for them
        });
    }

    /** The environment a user's shell would give: the token and the API's address. */
    Map<String, String> env() {
        return Map.of("CLOUDFLARE_API_TOKEN", cf.token(), "CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString());
    }

    Result run(String... args) {
        return InProcessCli.run(args);
    }

    /**
     * Holds the first request that matches until {@code release} opens (two minutes at most); the returned latch
     * opens when that request has arrived.
     */
    CountDownLatch holdFirst(RequestMatcher matcher, CountDownLatch release) {
        CountDownLatch arrived = new CountDownLatch(1);
        cf.faults().beforeHandler(matcher, 1, req -> {
            arrived.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return arrived;
    }

    /** A CLI started as its own process resolves its toolchain in ARCRUN_HOME/tools: make that the shared test toolchain. */
    void shareToolchainWithChildren() throws IOException {
        ToolchainManager shared = ToolchainManager.forTests();
        shared.ensure(line -> { });
        Files.createSymbolicLink(home.tools(), shared.toolsDir());
    }

    /** {@code arcrun ARGS} as its own process in this app folder, as a user's shell would start it; its output goes to {@code log}. */
    Process startChild(Path log, String... args) throws IOException {
        ProcessBuilder pb = ChildCli.builder(home.root(), env(), List.of(), args)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CLOUDFLARE_ACCOUNT_ID");
        return pb.start();
    }

    InstallConfigStore store() {
        return new InstallConfigStore(home);
    }

    InstallConfig config() {
        return store().load("cloudflare");
    }

    /** The status of each step in a {@code --json} report, e.g. {@code deploy → failed}. */
    static Map<String, String> stepStatus(JsonNode report) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        report.path("steps").forEach(s -> m.put(s.path("step").asText(), s.path("status").asText()));
        return m;
    }

    static Map<String, String> stepSummary(JsonNode report) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        report.path("steps").forEach(s -> m.put(s.path("step").asText(), s.path("summary").asText()));
        return m;
    }

    /** Every engine worker's latest upload binds the namespace ids the config holds, and there is one of each resource. */
    void assertDeployedWithRealIds(InstallConfig config) {
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7)
                .extracting(n -> n.title()).doesNotHaveDuplicates();
        assertThat(cf.state().buckets(cf.accountId())).extracting(b -> b.name()).containsExactly("arcrun-components");
        assertThat(config.resources().kv()).hasSize(7);
        for (String worker : ENGINE_WORKERS) {
            var upload = deploys.latestUpload(cf.accountId(), worker).orElseThrow(() -> new AssertionError(worker + " was never uploaded"));
            upload.bindings().stream().filter(b -> b.path("type").asText().equals("kv_namespace")).forEach(b ->
                    assertThat(b.path("namespace_id").asText()).as(worker + " " + b.path("name").asText())
                            .isEqualTo(config.resources().kv().get(b.path("name").asText())));
        }
        var executor = deploys.latestUpload(cf.accountId(), "arcrun-cypher-executor").orElseThrow();
        assertThat(executor.binding("CREDENTIALS")).isPresent();
        assertThat(executor.binding("COMPONENT_BINARIES").orElseThrow().path("bucket_name").asText()).isEqualTo("arcrun-components");
        assertThat(deploys.secretNames(cf.accountId(), "arcrun-cypher-executor")).contains("API_KEY", "ENCRYPTION_KEY");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            assertThat(cf.contractViolations()).isEmpty();
        } finally {
            cf.close();
            InstallEnvironment.reset();
            deleteTree(home.root()); // links (a shared toolchain) are removed, never followed
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
