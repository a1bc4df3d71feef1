package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.testkit.cloudflare.ApiResponse;
import dev.arcrun.testkit.cloudflare.Access;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import dev.arcrun.testkit.cloudflare.WorkerDeployState.UploadPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wrangler (installed by {@link ToolchainManager#forTests()}) deploying a three-tier bundle to the
 * Cloudflare stand-in through CLOUDFLARE_API_BASE_URL: the "Done when" list of issue 4.
 */
class WranglerDeployTest {

    private static final java.util.regex.Pattern WRANGLER_QUERY_PARAMS = java.util.regex.Pattern.compile(
            "\\(parameter (bindings_inherit|excludeScript)\\): \\[validation\\.request\\.parameter\\.query\\.unexpected]");

    static Toolchain toolchain;

    @TempDir Path tmp;
    CloudflareStandIn cf;
    WorkerDeployState deploys;
    AppHome home;
    String credentialsKvId;
    String workflowsKvId;
    final List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void toolchain() {
        toolchain = ToolchainManager.forTests().ensure(line -> { });
    }

    @BeforeEach
    void standIn() {
        cf = CloudflareStandIn.builder().validateContract().start();
        deploys = WorkerDeployEndpoints.installOn(cf).state();
        credentialsKvId = cf.state().createNamespace(cf.accountId(), "arcrun-credentials").orElseThrow().id();
        workflowsKvId = cf.state().createNamespace(cf.accountId(), "arcrun-workflows").orElseThrow().id();
        home = new AppHome(tmp.resolve("home"));
    }

    @AfterEach
    void stop() {
        try {
            // The calls inside Cloudflare's published slice (the script PUT, the subdomain) must match it, except two
            // query parameters wrangler 4 sends that the 2024 slice predates.
            assertThat(cf.contractViolations()).filteredOn(v -> !WRANGLER_QUERY_PARAMS.matcher(v).find()).isEmpty();
        } finally {
            cf.close();
        }
    }

    // ---- the bundle: registry (tier 0) ← cypher-executor (tier 1) ← gateway (tier 2), with KV ids injected

    private List<DeployTarget> bundle(String gatewaySource) throws IOException {
        Path registry = worker("arcrun-registry", """
                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "%s"

                [[r2_buckets]]
                binding = "COMPONENT_BINARIES"
                bucket_name = "arcrun-components"

                [vars]
                WORKERS_SUBDOMAIN = "arcrun-test"
                """.formatted(credentialsKvId), "export default { fetch() { return new Response('registry'); } };");
        Path executor = worker("arcrun-cypher-executor", """
                [[kv_namespaces]]
                binding = "WORKFLOWS"
                id = "%s"

                [[services]]
                binding = "REGISTRY"
                service = "arcrun-registry"
                """.formatted(workflowsKvId), "export default { fetch(req, env) { return env.REGISTRY.fetch(req); } };");
        Path gateway = worker("arcrun-gateway", """
                [[services]]
                binding = "EXECUTOR"
                service = "arcrun-cypher-executor"
                """, gatewaySource);
        // Given out of order on purpose: the tiers decide.
        return List.of(new DeployTarget("arcrun-gateway", gateway, 2), new DeployTarget("arcrun-registry", registry, 0),
                new DeployTarget("arcrun-cypher-executor", executor, 1));
    }

    private Path worker(String name, String bindings, String source) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bundle").resolve(name));
        Files.writeString(dir.resolve("wrangler.toml"), """
                name = "%s"
                main = "src/index.js"
                compatibility_date = "2025-01-01"

                %s""".formatted(name, bindings));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/index.js"), source);
        return dir;
    }

    private DeployRunner runner() {
        return new DeployRunner(toolchain, home, new DeployCredentials(cf.token(), cf.accountId(), Optional.of(cf.baseUrl().toString())),
                Duration.ofMinutes(3));
    }

    private List<String> texts() {
        synchronized (lines) {
            return lines.stream().map(LogLine::text).toList();
        }
    }

    private static final String GATEWAY = "export default { fetch(req, env) { return env.EXECUTOR.fetch(req); } };";

    @Test
    void threeTiersDeployInOrderWithTheInjectedKvIdsInTheUploadMetadata() throws IOException {
        DeployReport report = runner().deploy(bundle(GATEWAY), Map.of(), lines::add, new Cancellation());

        assertThat(report.allDeployed()).as("report %s, lines:%n%s", report, String.join("\n", texts())).isTrue();
        assertThat(deploys.uploadOrder()).containsExactly("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway");
        assertThat(deploys.uploads()).allMatch(u -> u.path() == UploadPath.SCRIPT_PUT);

        WorkerDeployState.Upload registry = deploys.uploads("arcrun-registry").getFirst();
        JsonNode kv = registry.binding("CREDENTIALS").orElseThrow();
        assertThat(kv.path("type").asText()).isEqualTo("kv_namespace");
        assertThat(kv.path("namespace_id").asText()).isEqualTo(credentialsKvId);
        assertThat(registry.binding("COMPONENT_BINARIES").orElseThrow().path("bucket_name").asText()).isEqualTo("arcrun-components");
        assertThat(registry.binding("WORKERS_SUBDOMAIN").orElseThrow().path("text").asText()).isEqualTo("arcrun-test");
        assertThat(registry.mainModuleContent()).hasValueSatisfying(js -> assertThat(js).contains("registry"));

        WorkerDeployState.Upload executor = deploys.uploads("arcrun-cypher-executor").getFirst();
        assertThat(executor.binding("WORKFLOWS").orElseThrow().path("namespace_id").asText()).isEqualTo(workflowsKvId);
        assertThat(executor.binding("REGISTRY").orElseThrow().path("service").asText()).isEqualTo("arcrun-registry");
        assertThat(deploys.uploads("arcrun-gateway").getFirst().binding("EXECUTOR").orElseThrow().path("service").asText())
                .isEqualTo("arcrun-cypher-executor");

        // What the user is told: each worker's workers.dev URL and the version the stand-in created.
        assertThat(report.workers()).extracting(WorkerOutcome::name)
                .containsExactly("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway");
        for (WorkerOutcome w : report.workers()) {
            WorkerOutcome.Deployed d = (WorkerOutcome.Deployed) w;
            assertThat(d.url()).contains("https://" + d.name() + ".arcrun-test.workers.dev");
            assertThat(d.versionId()).contains(deploys.uploads(d.name()).getFirst().versionId());
            assertThat(deploys.workersDevEnabled(cf.accountId(), d.name())).isTrue();
        }
        // Lines are tagged with their worker, and wrangler's log files stay in the app's folder.
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.worker()).isEqualTo("arcrun-gateway");
            assertThat(l.text()).contains("Uploaded arcrun-gateway");
        });
        assertThat(report.logFile()).startsWith(home.logs());
        assertThat(home.wranglerConfig()).isDirectory();
    }

    /** What arcrun runs: the bundle's own configs keep their placeholders; wrangler deploys the generated ones. */
    @Test
    void wranglerDeploysTheGeneratedConfigWithTheInjectedIdsAndNames() throws IOException {
        String placeholders = """
                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "placeholder"

                [[services]]
                binding = "REGISTRY"
                service = "arcrun-registry"
                """;
        Path executor = worker("arcrun-cypher-executor", placeholders, "export default { fetch(req, env) { return env.REGISTRY.fetch(req); } };");
        worker("arcrun-registry", "", "export default { fetch() { return new Response('registry'); } };");
        String original = Files.readString(executor.resolve("wrangler.toml"));
        dev.arcrun.core.bundle.ConfigInjector.injectAll(dev.arcrun.core.bundle.BundleDiscovery.discover(tmp.resolve("bundle")),
                new dev.arcrun.core.bundle.InjectionValues(Map.of("CREDENTIALS", credentialsKvId), Map.of(), Map.of("WORKERS_SUBDOMAIN", "arcrun-test"),
                        Map.of("arcrun-registry", "team2-registry", "arcrun-cypher-executor", "team2-cypher-executor")));
        List<DeployTarget> targets = DeployTarget.of(dev.arcrun.core.bundle.BundleDiscovery.discover(tmp.resolve("bundle")));
        assertThat(targets).extracting(DeployTarget::name).containsExactly("team2-registry", "team2-cypher-executor");

        DeployReport report = runner().deploy(targets, Map.of(), lines::add, new Cancellation());

        assertThat(report.allDeployed()).as("report %s, lines:%n%s", report, String.join("\n", texts())).isTrue();
        assertThat(deploys.uploadOrder()).containsExactly("team2-registry", "team2-cypher-executor");
        WorkerDeployState.Upload upload = deploys.uploads("team2-cypher-executor").getFirst();
        assertThat(upload.binding("CREDENTIALS").orElseThrow().path("namespace_id").asText()).isEqualTo(credentialsKvId);
        assertThat(upload.binding("REGISTRY").orElseThrow().path("service").asText()).isEqualTo("team2-registry");
        assertThat(upload.binding("WORKERS_SUBDOMAIN").orElseThrow().path("text").asText()).isEqualTo("arcrun-test");
        assertThat(upload.mainModuleContent()).hasValueSatisfying(js -> assertThat(js).contains("env.REGISTRY.fetch"));
        assertThat(executor.resolve("wrangler.toml")).hasContent(original);
    }

    @Test
    void aRedeployTakesTheVersionsPath() throws IOException {
        List<DeployTarget> targets = bundle(GATEWAY);
        assertThat(runner().deploy(targets, Map.of(), lines::add, new Cancellation()).allDeployed()).isTrue();

        DeployReport again = runner().deploy(targets, Map.of(), lines::add, new Cancellation());

        assertThat(again.allDeployed()).as(String.join("\n", texts())).isTrue();
        for (String name : List.of("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway")) {
            List<WorkerDeployState.Upload> uploads = deploys.uploads(name);
            assertThat(uploads).extracting(WorkerDeployState.Upload::path).containsExactly(UploadPath.SCRIPT_PUT, UploadPath.VERSION);
            String newVersion = uploads.getLast().versionId();
            assertThat(deploys.deployments(name).getLast().versionIds()).containsExactly(newVersion);
            assertThat(again.workers()).filteredOn(w -> w.name().equals(name)).singleElement()
                    .isInstanceOfSatisfying(WorkerOutcome.Deployed.class, d -> assertThat(d.versionId()).contains(newVersion));
        }
        assertThat(cf.count("POST", ".*/workers/scripts/[^/]+/versions")).isEqualTo(3);
        assertThat(cf.count("POST", ".*/workers/scripts/[^/]+/deployments")).isEqualTo(3);
    }

    @Test
    void aSyntaxErrorInTheLastWorkerFailsOnlyItWithWranglersOwnErrorLines() throws IOException {
        DeployReport report = runner().deploy(bundle("export default { fetch() { return new Response('x' } };"), Map.of(),
                lines::add, new Cancellation());

        assertThat(report.workers().get(0)).isInstanceOf(WorkerOutcome.Deployed.class);
        assertThat(report.workers().get(1)).isInstanceOf(WorkerOutcome.Deployed.class);
        assertThat(report.workers().get(2)).isInstanceOfSatisfying(WorkerOutcome.Failed.class, f -> {
            assertThat(f.name()).isEqualTo("arcrun-gateway");
            assertThat(f.exitCode()).hasValue(1);
            assertThat(f.lastLines()).anySatisfy(l -> assertThat(l).contains("[ERROR]").contains("Build failed"));
            assertThat(f.lastLines()).anySatisfy(l -> assertThat(l).contains("Expected \")\" but found \"}\""));
            assertThat(f.lastLines()).allSatisfy(l -> assertThat(l).doesNotContain("\u001B"));
        });
        assertThat(deploys.uploadOrder()).containsExactly("arcrun-registry", "arcrun-cypher-executor");
        assertThat(report.anyFailed()).isTrue();
        assertThat(lines).filteredOn(l -> l.worker().equals("arcrun-gateway") && l.text().contains("Build failed"))
                .allSatisfy(l -> assertThat(l.level()).isEqualTo(LogLevel.ERROR));
    }

    @Test
    void cancellingMidDeployLeavesNoProcessOfOursRunning() throws Exception {
        // The executor's upload hangs at the "server", so wrangler is mid-request when the user cancels.
        cf.faults().slow(RequestMatcher.of("PUT", "/accounts/[^/]+/workers/scripts/arcrun-cypher-executor"), 1, Duration.ofMinutes(2));
        Cancellation cancel = new Cancellation();
        CompletableFuture<List<ProcessHandle>> ours = new CompletableFuture<>();
        LogListener listener = line -> {
            lines.add(line);
            if (line.worker().equals("arcrun-cypher-executor") && line.text().startsWith("Total Upload")) {
                // What this JVM started: node wrangler.js, the node it spawns, esbuild's service…
                ours.complete(ProcessHandle.current().descendants().toList());
            }
        };
        CompletableFuture<DeployReport> run = CompletableFuture.supplyAsync(
                () -> runner().deploy(bundleUnchecked(), Map.of(), listener, cancel));
        List<ProcessHandle> tree = ours.get(3, TimeUnit.MINUTES);
        assertThat(tree).anySatisfy(p -> assertThat(p.info().command().orElse("")).contains("node"));
        assertThat(tree).allMatch(ProcessHandle::isAlive);

        cancel.cancel();
        DeployReport report = run.get(1, TimeUnit.MINUTES);

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        try (Stream<ProcessHandle> now = ProcessHandle.current().descendants()) {
            assertThat(now.filter(ProcessHandle::isAlive).map(p -> p.info().command().orElse("?")).toList())
                    .noneMatch(c -> c.contains("node") || c.contains("wrangler") || c.contains("workerd") || c.contains("esbuild"));
        }
        assertThat(report.workers().get(0)).isInstanceOf(WorkerOutcome.Deployed.class);
        assertThat(report.workers().get(1)).isInstanceOfSatisfying(WorkerOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.PROCESS_CANCELLED, "wrangler deploy")));
        assertThat(report.workers().get(2)).isInstanceOf(WorkerOutcome.NotRun.class);
    }

    private List<DeployTarget> bundleUnchecked() {
        try {
            return bundle(GATEWAY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTokenEchoedBackByTheServerIsMaskedInEveryLineAndEveryLogFile() throws IOException {
        // A server error that quotes the token (JSON-escaped, as a real echo would arrive).
        cf.register(r -> r.get("/accounts/{account_id}/workers/services/{script_name}", Access.ACCOUNT, null,
                req -> ApiResponse.failure(403, 10000, "Authentication error: token '" + cf.token() + "' may not edit "
                        + req.pathParam("script_name"))));

        DeployReport report = runner().deploy(bundle(GATEWAY), Map.of(), lines::add, new Cancellation());

        assertThat(report.workers().getFirst()).isInstanceOf(WorkerOutcome.Failed.class);
        assertThat(texts()).anySatisfy(t -> assertThat(t).contains("Authentication error: token '***' may not edit arcrun-registry"));
        assertThat(texts()).noneMatch(t -> t.contains(cf.token()));
        assertThat(((WorkerOutcome.Failed) report.workers().getFirst()).lastLines()).noneMatch(t -> t.contains(cf.token()));
        assertNoFileUnder(home.root(), cf.token());
        assertThat(Files.readString(report.logFile())).contains("token '***'");
    }

    @Test
    void secretsTravelInTheFirstUploadThroughStdinAndAppearNowhereElse() throws IOException {
        secretsArriveWithTheFirstVersion(runner());
    }

    @Test
    void theWindowsWayThroughAPrivateFileLeavesNoFileBehind() throws IOException {
        Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> before = secretFolders(tmpRoot);
        secretsArriveWithTheFirstVersion(runner().secretsThroughFile());
        assertThat(secretFolders(tmpRoot)).isEqualTo(before);
    }

    private static java.util.Set<Path> secretFolders(Path tmpRoot) throws IOException {
        try (Stream<Path> list = Files.list(tmpRoot)) {
            return list.filter(p -> p.getFileName().toString().startsWith("arcrun-secrets-")).collect(java.util.stream.Collectors.toSet());
        }
    }

    private void secretsArriveWithTheFirstVersion(DeployRunner runner) throws IOException {
        String apiKey = "ak-" + java.util.UUID.randomUUID();
        String encryptionKey = "ek-" + java.util.UUID.randomUUID();
        Map<String, Map<String, String>> secrets = Map.of(
                "arcrun-registry", Map.of("API_KEY", apiKey, "ENCRYPTION_KEY", encryptionKey),
                "arcrun-cypher-executor", Map.of("API_KEY", apiKey));

        DeployReport report = runner.deploy(bundle(GATEWAY), secrets, lines::add, new Cancellation());

        assertThat(report.allDeployed()).as(String.join("\n", texts())).isTrue();
        // Each worker's first (and only) version carried its secrets; no secrets call came after the code.
        var registry = deploys.uploads("arcrun-registry");
        assertThat(registry).hasSize(1);
        assertThat(dev.arcrun.testkit.cloudflare.WorkerDeployState.secretsCarriedBy(registry.getFirst()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("API_KEY", apiKey, "ENCRYPTION_KEY", encryptionKey));
        assertThat(dev.arcrun.testkit.cloudflare.WorkerDeployState.secretsCarriedBy(deploys.uploads("arcrun-cypher-executor").getFirst()))
                .containsExactlyEntriesOf(Map.of("API_KEY", apiKey));
        assertThat(cf.exchanges(e -> e.uri().contains("secrets-bulk"))).isEmpty();
        assertThat(deploys.secretNames(cf.accountId(), "arcrun-registry")).containsExactly("API_KEY", "ENCRYPTION_KEY");
        assertThat(deploys.secretNames(cf.accountId(), "arcrun-cypher-executor")).containsExactly("API_KEY");
        assertThat(deploys.secretNames(cf.accountId(), "arcrun-gateway")).isEmpty();
        // Not in any argument wrangler was started with, any line, or any file we or wrangler wrote.
        assertThat(texts()).noneMatch(t -> t.contains(apiKey) || t.contains(encryptionKey));
        assertNoFileUnder(home.root(), apiKey);
        assertNoFileUnder(home.root(), encryptionKey);
        assertNoFileUnder(tmp.resolve("bundle"), apiKey);
        assertThat(cf.exchanges(e -> e.uri().contains(apiKey))).isEmpty();
    }

    private static void assertNoFileUnder(Path root, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // Asserted as a boolean so a failure names the file without printing the secret.
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret))
                        .as("%s holds the secret", f).isFalse();
            }
        }
    }
}
