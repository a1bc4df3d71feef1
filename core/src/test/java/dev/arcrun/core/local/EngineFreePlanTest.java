package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.EngineClient.Answer;
import dev.arcrun.testkit.http.RecordingHttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine costs on Cloudflare's free plan, counted in real workerd: the executor runs as its test build
 * (engine/test/counting), the same worker with every KV and R2 call of its bindings counted. Data at scale (10,000
 * workflows, 2,000 runs, and runs as engines before runs moved to R2 kept them in KV) is written straight into the
 * local storage by that build's seed route, not pushed through the API. The figures asserted here are the README's
 * "On the free plan" table ({@link #whatEachActionCostsIsTheReadmeTable}).
 */
class EngineFreePlanTest {

    static final int WORKFLOWS = 10_000;
    static final int RUNS = 2_000;
    static final int LEGACY_RUNS = 40;
    static final String PAGED = "paged";

    @TempDir
    static Path work;

    static Process wrangler;
    static EngineClient client;
    static EngineClient raw;
    static RecordingHttpServer echo;
    static String echoHost;

    @BeforeAll
    static void startEngine() throws Exception {
        Path engine = work.resolve("engine");
        copyEngine(Path.of("../engine").toAbsolutePath().normalize(), engine);
        Path executor = engine.resolve("workers/cypher-executor");
        Files.writeString(executor.resolve("wrangler.counting.toml"), Files.readString(executor.resolve("wrangler.toml"))
                .replace("main = \"src/index.ts\"", "main = \"../../test/counting/executor.ts\""));
        Path registry = engine.resolve("workers/registry");
        Files.writeString(registry.resolve("wrangler.counting.toml"), Files.readString(registry.resolve("wrangler.toml"))
                .replace("main = \"src/index.ts\"", "main = \"../../test/counting/registry.ts\""));
        byte[] apiBytes = new byte[32];
        byte[] encryptionKey = new byte[32];
        new SecureRandom().nextBytes(apiBytes);
        new SecureRandom().nextBytes(encryptionKey);
        String apiKey = "arc_" + HexFormat.of().formatHex(apiBytes);
        Path devVars = executor.resolve(".dev.vars");
        Files.writeString(devVars, "API_KEY=\"" + apiKey + "\"\nENCRYPTION_KEY=\"" + Base64.getEncoder().encodeToString(encryptionKey) + "\"\n");
        Files.setPosixFilePermissions(devVars, PosixFilePermissions.fromString("rw-------"));

        Toolchain toolchain = ToolchainManager.forTests().ensure(line -> { });
        int port = freePort();
        Path log = work.resolve("wrangler.log");
        ProcessBuilder pb = new ProcessBuilder(toolchain.wranglerCommand("dev",
                "-c", "workers/cypher-executor/wrangler.counting.toml", "-c", "workers/registry/wrangler.counting.toml",
                "--ip", "127.0.0.1", "--port", Integer.toString(port), "--inspector-port", Integer.toString(freePort()),
                "--persist-to", work.resolve("state").toString(), "--show-interactive-dev-session=false"))
                .directory(engine.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("XDG_CONFIG_HOME", Files.createDirectories(work.resolve("xdg")).toString());
        env.put("WRANGLER_SEND_METRICS", "false");
        env.put("CLOUDFLARE_CF_FETCH_ENABLED", "false");
        env.keySet().removeIf(k -> k.startsWith("CLOUDFLARE_API") || k.equals("CLOUDFLARE_ACCOUNT_ID"));
        wrangler = pb.start();
        raw = new EngineClient("http://127.0.0.1:" + port, null);
        client = raw.withKey(apiKey);
        try {
            org.awaitility.Awaitility.await("the engine answers /health").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("wrangler exited", () -> !wrangler.isAlive())
                    .ignoreExceptions() // not listening yet
                    .until(() -> raw.get("/health").status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("the engine did not start (" + e.getMessage() + "):\n" + Files.readString(log), e);
        }
        echo = RecordingHttpServer.start();
        echoHost = echo.baseUrl().substring("http://".length());
        Answer allowed = client.put("/settings", Map.of("allow_private_hosts", List.of(echoHost)));
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);

        // Runs as an engine of today's main kept them (in KV), older than every run in R2, then the runs in R2.
        long now = System.currentTimeMillis();
        seed(Map.of("legacy_runs", Map.of("workflow", PAGED, "count", LEGACY_RUNS, "start_ms", now - 3 * 86_400_000L, "step_ms", 1000)));
        seed(Map.of("runs", Map.of("workflow", PAGED, "count", RUNS, "start_ms", now - 2 * 86_400_000L, "step_ms", 1000)));
        for (int from = 0; from < WORKFLOWS; from += 2_000) {
            seed(Map.of("workflows", Map.of("from", from, "count", 2_000)));
        }
    }

    @AfterAll
    static void stop() {
        if (echo != null) echo.close();
        if (wrangler != null) {
            wrangler.descendants().forEach(ProcessHandle::destroyForcibly);
            wrangler.destroyForcibly();
        }
    }

    @Test
    void aRunWritesNothingToKvAndAtMostTwoR2ClassAOperations() {
        pushWorkflow("costed", List.of(
                step("call", "http_request", Map.of("url", echo.baseUrl() + "/costed")),
                step("say", "template", Map.of("template", "got {{steps.call.output.status}}"))), null);
        resetCounts();
        Answer run = client.post("/webhooks/named/costed/trigger", Map.of("input", Map.of()));
        assertThat(run.json().path("status").asText()).as(run.text()).isEqualTo("ok");
        JsonNode counts = counts();
        assertThat(counts.at("/kv/writes").asInt()).as(counts.toString()).isZero();
        assertThat(counts.at("/kv/deletes").asInt()).isZero();
        assertThat(counts.at("/r2/class_a").asInt()).as(counts.toString()).isLessThanOrEqualTo(2);

        // Stored, readable by its id, and first in its workflow's runs; its time covers each step's.
        Answer stored = client.get("/runs/" + run.json().path("run_id").asText());
        assertThat(stored.json().at("/run/output").asText()).isEqualTo("got 200");
        long steps = 0;
        for (JsonNode s : stored.json().at("/run/trace")) steps += s.path("duration_ms").asLong();
        assertThat(stored.json().at("/run/duration_ms").asLong()).isGreaterThanOrEqualTo(steps);
        assertThat(client.get("/runs?workflow=costed").json().at("/runs/0/run_id").asText()).isEqualTo(run.json().path("run_id").asText());
    }

    /**
     * Each action's storage operations once the engine is warm (the registry's binding token is made on first use):
     * the README's table. {kv reads, kv writes, kv lists, R2 Class A, R2 Class B}.
     */
    @Test
    void whatEachActionCostsIsTheReadmeTable() throws Exception {
        pushWorkflow("cost-template", List.of(step("a", "template", Map.of("template", "hi {{input.x}}"))), null);
        pushWorkflow("cost-wasm", List.of(step("a", "text_upper", Map.of("text", "hi"))), null);
        client.post("/webhooks/named/cost-wasm/trigger", Map.of());
        client.get("/runs");
        Map<String, Object> credential = Map.of("name", "cost_key", "iv", Base64.getEncoder().encodeToString(new byte[12]),
                "ciphertext", Base64.getEncoder().encodeToString(new byte[40]));

        assertThat(cost(() -> client.post("/webhooks/named/cost-template/trigger", Map.of()))).as("a run").containsExactly(1, 0, 0, 2, 0);
        assertThat(cost(() -> client.post("/webhooks/named/cost-wasm/trigger", Map.of()))).as("a run with one WASM step (run in the executor: no registry call)").containsExactly(2, 0, 0, 2, 0);
        assertThat(cost(() -> pushWorkflow("cost-template", List.of(step("a", "template", Map.of("template", "again"))), null)))
                .as("a workflow push").containsExactly(1, 1, 0, 0, 0);
        assertThat(cost(() -> client.post("/credentials", credential))).as("a credential push").containsExactly(1, 1, 0, 0, 0);
        assertThat(cost(() -> {
            client.get("/webhooks/named");
            client.get("/credentials");
        })).as("the dashboard's lists: first page of workflows and of credentials").containsExactly(0, 0, 2, 0, 0);
        assertThat(cost(() -> {
            client.get("/webhooks/named?limit=200");
            client.get("/credentials?limit=200");
            client.get("/auth/recipes");
            client.get("/credentials");
            client.get("/components");
            client.get("/health");
        })).as("a dashboard visit as the app makes it: Workflows, Credentials, Services (with the stored credential names), Components, health")
                .containsExactly(0, 0, 4, 0, 0);
        assertThat(cost(() -> client.get("/runs"))).as("a page of runs (its hourly retention sweep already done)").containsExactly(0, 0, 0, 1, 0);
        // The last page asks whether runs of an earlier version are left in KV (this install has some: then it lists them).
        assertThat(cost(() -> client.get("/runs?workflow=cost-template"))).as("the last page of runs").containsExactly(1, 0, 1, 1, 0);
    }

    private static List<Integer> cost(Runnable action) {
        resetCounts();
        action.run();
        JsonNode c = counts();
        return List.of(c.at("/kv/reads").asInt(), c.at("/kv/writes").asInt(), c.at("/kv/lists").asInt(),
                c.at("/r2/class_a").asInt(), c.at("/r2/class_b").asInt());
    }

    @Test
    void theFirstPageOfTenThousandWorkflowsCostsAtMostTwoKvOperations() {
        resetCounts();
        Answer first = client.get("/webhooks/named");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode counts = counts();
        assertThat(kvOps(counts)).as(counts.toString()).isLessThanOrEqualTo(2);
        assertThat(first.json().path("workflows")).hasSize(1000);
        assertThat(first.json().path("truncated").asBoolean()).isTrue();
        assertThat(first.json().path("cursor").asText()).isNotBlank();

        // Found by name without loading the list: a prefix search is one KV list call too.
        resetCounts();
        Answer found = client.get("/webhooks/named?prefix=wf-09876");
        assertThat(found.json().path("workflows")).hasSize(1);
        assertThat(found.json().at("/workflows/0/name").asText()).isEqualTo("wf-09876");
        assertThat(found.json().at("/workflows/0/description").asText()).isEqualTo("Workflow number 9876");
        assertThat(found.json().path("truncated").asBoolean()).isFalse();
        assertThat(found.json().path("cursor").isNull()).isTrue();
        assertThat(kvOps(counts())).isLessThanOrEqualTo(2);

        // Paging to the end hands out every workflow once.
        Set<String> names = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = client.get("/webhooks/named?limit=1000" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            page.json().path("workflows").forEach(w -> assertThat(names.add(w.path("name").asText())).isTrue());
            cursor = page.json().path("truncated").asBoolean() ? page.json().path("cursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(names).hasSizeGreaterThanOrEqualTo(WORKFLOWS).contains("wf-00000", "wf-09999");
    }

    @Test
    void aDescriptionOf2000CharactersIsRefusedWithTheLimit() {
        Map<String, Object> wf = new LinkedHashMap<>(Map.of("name", "described", "description", "d".repeat(2000),
                "steps", List.of(step("a", "template", Map.of("template", "x")))));
        Answer refused = client.post("/webhooks/named", Map.of("workflow", wf));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("description_too_long");
        assertThat(refused.json().at("/error/message").asText()).contains("2000 characters").contains("at most 300 characters");
        // Wide characters count as stored: 300 of them fit, a description whose bytes pass the metadata budget does not.
        wf.put("description", "界".repeat(300));
        assertThat(client.post("/webhooks/named", Map.of("workflow", wf)).status()).isIn(200, 201);
        wf.put("description", "\u0001".repeat(300));
        assertThat(client.post("/webhooks/named", Map.of("workflow", wf)).json().at("/error/code").asText()).isEqualTo("description_too_long");
        assertThat(client.get("/webhooks/named?prefix=described").json().at("/workflows/0/description").asText()).isEqualTo("界".repeat(300));
    }

    @Test
    void aNameLongerThanAKvKeyIsNotFoundRatherThanAnError() {
        String longName = "n".repeat(600); // KV keys hold at most 512 bytes: looked up, this would be an error
        for (String[] call : new String[][] {{"GET", "/webhooks/named/" + longName}, {"DELETE", "/webhooks/named/" + longName},
                {"POST", "/webhooks/named/" + longName + "/trigger"}, {"DELETE", "/credentials/" + longName},
                {"GET", "/runs/" + longName}, {"GET", "/auth/recipes/" + longName}, {"GET", "/api-recipes/" + longName}}) {
            Answer a = client.send(call[0], call[1], call[0].equals("POST") ? Map.of() : null);
            assertThat(a.status()).as(call[0] + " " + call[1].substring(0, 20) + "…: " + a.text()).isEqualTo(404);
        }
    }

    @Test
    void aRunOver25MiBIsStoredTruncatedAndMarked() {
        pushWorkflow("huge", List.of(Map.of("id", "copy", "component", "template", "foreach", "{{input.items}}",
                "input", Map.of("template", "{{input.big}}"))), null);
        String big = "y".repeat(900_000);
        List<Integer> items = IntStream.range(0, 30).boxed().toList();
        // 30 copies of 0.9 MB as outputs and again as the trace's inputs: about 54 MB, over the 25 MiB budget.
        Answer run = client.sendOutsideSpec("POST", "/webhooks/named/huge/trigger", Map.of("input", Map.of("big", big, "items", items)));
        assertThat(run.json().path("status").asText()).as(run.text().substring(0, Math.min(500, run.text().length()))).isEqualTo("ok");
        assertThat(run.json().path("truncated").asBoolean()).isTrue();
        Answer stored = client.sendOutsideSpec("GET", "/runs/" + run.json().path("run_id").asText(), null);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(25 * 1024 * 1024 + 100);
        JsonNode r = stored.json().path("run");
        assertThat(r.path("truncated").asBoolean()).isTrue();
        assertThat(r.path("status").asText()).isEqualTo("ok");
        assertThat(r.at("/trace/0/step").asText()).isEqualTo("copy");
        assertThat(r.at("/trace/0/output/truncated").asBoolean() || r.at("/output/truncated").asBoolean()).as("a part is marked").isTrue();
        assertThat(client.get("/runs?workflow=huge").json().at("/runs/0/truncated").asBoolean()).isTrue();
    }

    @Test
    void theSubrequestLimitStopsARunWithAClearError() {
        pushWorkflow("chatty", List.of(Map.of("id", "call", "component", "http_request", "foreach", "{{input.items}}",
                "input", Map.of("url", echo.baseUrl() + "/chatty/{{item}}"))), null);
        List<Integer> items = IntStream.range(0, 60).boxed().toList();
        long before = echo.requests().stream().filter(r -> r.path().startsWith("/chatty/")).count();
        Answer run = client.post("/webhooks/named/chatty/trigger", Map.of("input", Map.of("items", items)));
        assertThat(run.json().path("status").asText()).as(run.text()).isEqualTo("error");
        assertThat(run.json().at("/error/code").asText()).isEqualTo("subrequest_limit");
        assertThat(run.json().at("/error/message").asText()).contains("50").contains("free plan").contains("max_subrequests_per_run");
        assertThat(echo.requests().stream().filter(r -> r.path().startsWith("/chatty/")).count() - before).isEqualTo(50);
        assertThat(client.get("/settings").json().at("/settings/max_subrequests_per_run").asInt()).isEqualTo(50);
        try {
            assertThat(client.put("/settings", Map.of("max_subrequests_per_run", 100)).status()).isEqualTo(200);
            Answer again = client.post("/webhooks/named/chatty/trigger", Map.of("input", Map.of("items", items)));
            assertThat(again.json().path("status").asText()).as(again.text()).isEqualTo("ok");
        } finally {
            client.put("/settings", Map.of("max_subrequests_per_run", 50));
        }
        Answer bad = client.put("/settings", Map.of("max_subrequests_per_run", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).contains("max_subrequests_per_run").contains("1 to");
    }

    @Test
    void pagingThrough2000RunsReachesTheOldestAndTheRunsKeptInKvBefore() {
        List<JsonNode> runs = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = client.get("/runs?workflow=" + PAGED + "&limit=300" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("runs").forEach(runs::add);
            cursor = page.json().path("truncated").asBoolean() ? page.json().path("cursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(runs).hasSize(RUNS + LEGACY_RUNS);
        assertThat(runs.stream().map(r -> r.path("run_id").asText()).distinct().count()).isEqualTo(RUNS + LEGACY_RUNS);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).path("started_at").asText()).as("newest first").isLessThan(runs.get(i - 1).path("started_at").asText());
        }
        // The oldest are the runs an earlier engine stored in KV: still listed, and still readable.
        JsonNode oldest = runs.getLast();
        Answer legacy = client.get("/runs/" + oldest.path("run_id").asText());
        assertThat(legacy.status()).as(legacy.text()).isEqualTo(200);
        assertThat(legacy.json().at("/run/output/legacy").asInt()).isZero();

        Answer bad = client.get("/runs?limit=5000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).contains("1000");
    }

    @Test
    void everyListIsAPageAndTheComponentsProxyPassesItsQueryOn() {
        for (String list : List.of("/credentials:credentials", "/auth/recipes:recipes", "/api-recipes:recipes", "/components:components")) {
            String path = list.split(":")[0];
            String field = list.split(":")[1];
            List<String> all = new ArrayList<>();
            client.get(path).json().path(field).forEach(x -> all.add(x.toString()));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Answer page = client.get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                assertThat(page.status()).as(path + ": " + page.text()).isEqualTo(200);
                assertThat(page.json().path(field).size()).isLessThanOrEqualTo(2);
                page.json().path(field).forEach(x -> paged.add(x.toString()));
                cursor = page.json().path("truncated").asBoolean() ? page.json().path("cursor").asText() : null;
                pages++;
            } while (cursor != null && pages < 500);
            if (!field.equals("credentials")) assertThat(pages).as(path).isGreaterThan(1);
            assertThat(paged).as(path).containsExactlyElementsOf(all);
        }
    }

    private static long kvOps(JsonNode counts) {
        long n = 0;
        for (JsonNode v : counts.path("kv")) n += v.asLong();
        return n;
    }

    private static void seed(Map<String, Object> what) {
        Answer seeded = raw.sendOutsideSpec("POST", "/__test/seed", what);
        assertThat(seeded.status()).as(seeded.text()).isEqualTo(200);
    }

    private static void resetCounts() {
        assertThat(raw.sendOutsideSpec("POST", "/__test/counts/reset", null).status()).isEqualTo(200);
    }

    private static JsonNode counts() {
        return raw.sendOutsideSpec("GET", "/__test/counts", null).json();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> step(String id, String component, Map<String, Object> input) {
        return Map.of("id", id, "component", component, "input", input);
    }

    private static void pushWorkflow(String name, List<Map<String, Object>> steps, Object output) {
        Map<String, Object> wf = new LinkedHashMap<>(Map.of("name", name, "steps", steps));
        if (output != null) wf.put("output", output);
        Answer pushed = client.post("/webhooks/named", Map.of("name", name, "workflow", wf));
        assertThat(pushed.status()).as(pushed.text()).isIn(200, 201);
    }

    /** The engine without what a test run leaves behind; its test folder (the counting build) included. */
    private static void copyEngine(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                String s = from.relativize(p).toString().replace('\\', '/');
                if (s.contains("node_modules") || s.contains(".wrangler") || s.endsWith(".dev.vars")) continue;
                Path target = to.resolve(from.relativize(p));
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
