package dev.arcrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.Secret;
import dev.arcrun.core.local.EngineSource;
import dev.arcrun.core.local.LocalEngine;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The local engine at scale: 10,000 workflows and 2,000 credentials written into its local storage with
 * {@code wrangler kv bulk put} (as the engine stores them), 2,000 real runs triggered over HTTP; then the first page
 * of each list (time and bytes), paging to the end, and finding one workflow by name.
 * Run: {@code java -cp … dev.arcrun.bench.EngineScaleBench [workflows] [credentials] [runs]} from the repository root.
 */
public final class EngineScaleBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EngineScaleBench() {}

    record Got(long nanos, int bytes, JsonNode json) {}

    public static void main(String[] args) throws Exception {
        int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int credentials = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path root = Files.createTempDirectory("arcrun-scale-bench-");
        AppHome home = new AppHome(root);
        Path engineDir = EngineSource.unpack(AppHome.ensureDir(home.local()));
        LocalEngine local = new LocalEngine(home, ToolchainManager.forTests());
        Toolchain toolchain = ToolchainManager.forTests().ensure(line -> { });
        String now = Instant.now().toString();

        long t0 = System.nanoTime();
        ArrayNode wf = JSON.createArrayNode();
        for (int i = 0; i < workflows; i++) {
            String name = String.format("wf-%05d", i);
            ObjectNode doc = JSON.createObjectNode();
            ObjectNode w = doc.putObject("workflow").put("name", name).put("description", "Workflow number " + i);
            w.putArray("steps").addObject().put("id", "a").put("component", "template").putObject("input").put("template", "x");
            doc.put("created_at", now).put("updated_at", now);
            wf.addObject().put("key", "workflow:" + name).put("value", JSON.writeValueAsString(doc))
                    .putObject("metadata").put("description", "Workflow number " + i).put("steps", 1).put("updated_at", now);
        }
        bulkPut(toolchain, engineDir, local.dataFolder(), root, "WORKFLOWS", wf);
        ArrayNode creds = JSON.createArrayNode();
        for (int i = 0; i < credentials; i++) {
            ObjectNode value = JSON.createObjectNode().put("iv", "AAAAAAAAAAAAAAAA").put("ciphertext", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                    .put("created_at", now).put("updated_at", now);
            creds.addObject().put("key", String.format("credential:cred_%05d", i)).put("value", JSON.writeValueAsString(value))
                    .putObject("metadata").put("created_at", now).put("updated_at", now);
        }
        bulkPut(toolchain, engineDir, local.dataFolder(), root, "CREDENTIALS", creds);
        System.out.printf("seeded %d workflows and %d credentials into local KV in %.1f s%n", workflows, credentials, (System.nanoTime() - t0) / 1e9);

        byte[] apiBytes = new byte[32];
        byte[] encryption = new byte[32];
        new SecureRandom().nextBytes(apiBytes);
        new SecureRandom().nextBytes(encryption);
        String apiKey = "arc_" + HexFormat.of().formatHex(apiBytes);
        String url = local.start(engineDir, new LocalEngine.Keys(Secret.of(apiKey), Secret.of(Base64.getEncoder().encodeToString(encryption))),
                LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()).url();
        try {
            send(url, apiKey, "POST", "/webhooks/named", "{\"workflow\":{\"name\":\"bench-run\",\"steps\":[{\"id\":\"a\",\"component\":\"template\",\"input\":{\"template\":\"hi {{input.i}}\"}}]}}");
            t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<Got>> done = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    String body = "{\"input\":{\"i\":" + i + "}}";
                    done.add(pool.submit(() -> send(url, apiKey, "POST", "/webhooks/named/bench-run/trigger", body)));
                }
                for (Future<Got> f : done) f.get();
            }
            System.out.printf("%d runs over HTTP (4 at a time) in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);

            for (String[] list : new String[][] {{"/webhooks/named", "workflows"}, {"/credentials", "credentials"}, {"/runs?limit=1000", "runs"}}) {
                long[] first = new long[7];
                int bytes = 0;
                for (int i = 0; i < first.length; i++) {
                    Got g = send(url, apiKey, "GET", list[0], null);
                    first[i] = g.nanos;
                    bytes = g.bytes;
                }
                Arrays.sort(first);
                long start = System.nanoTime();
                int pages = 0;
                int items = 0;
                long total = 0;
                String cursor = null;
                do {
                    String sep = list[0].contains("?") ? "&" : "?";
                    Got g = send(url, apiKey, "GET", list[0] + (cursor == null ? "" : sep + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null);
                    pages++;
                    items += g.json.path(list[1]).size();
                    total += g.bytes;
                    cursor = g.json.path("truncated").asBoolean() ? g.json.path("cursor").asText() : null;
                } while (cursor != null);
                System.out.printf("%-16s first page: median %.1f ms, %,d bytes; to the end: %d pages, %,d items, %,d bytes in %.0f ms%n",
                        list[0], first[first.length / 2] / 1e6, bytes, pages, items, total, (System.nanoTime() - start) / 1e6);
            }
            long[] find = new long[7];
            int found = 0;
            for (int i = 0; i < find.length; i++) {
                Got g = send(url, apiKey, "GET", "/webhooks/named?prefix=wf-0" + (4321 + i), null);
                find[i] = g.nanos;
                found = g.json.path("workflows").size();
            }
            Arrays.sort(find);
            System.out.printf("find one workflow by name (?prefix=): median %.1f ms, %d found%n", find[find.length / 2] / 1e6, found);
            dashboardOpen(url, apiKey, Base64.getEncoder().encodeToString(encryption));
        } finally {
            local.stop();
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The dashboard opening on this engine, headless: its view models made and their lists loaded as the tabs do it
     * (Workflows and Credentials: the first page; Services: the services and the stored credential names; the
     * selected workflow's recent runs), beside the app before paging (every page of workflows and credentials, twice
     * the credentials: the Credentials and Services tabs). Rendering is not included (no FX toolkit here).
     */
    private static void dashboardOpen(String url, String apiKey, String encryptionKey) {
        var settings = new dev.arcrun.sdk.EngineSettings(dev.arcrun.sdk.EngineSettings.parseUrl(url), Secret.of(apiKey), Secret.of(encryptionKey));
        try (var client = dev.arcrun.sdk.EngineClient.create(settings)) {
            var connection = new javafx.beans.property.ReadOnlyObjectWrapper<>(new dev.arcrun.app.dashboard.Connection(
                    dev.arcrun.core.config.InstallConfig.create("local", dev.arcrun.core.config.Target.LOCAL).withEngineUrl(url), client));
            var i18n = new dev.arcrun.app.common.I18n(java.util.Locale.ENGLISH);
            var executor = new dev.arcrun.app.common.CurrentThreadTaskExecutor();
            long[] paged = new long[7];
            long[] everything = new long[7];
            int[] shown = new int[2];
            for (int i = 0; i < paged.length; i++) {
                long s = System.nanoTime();
                var workflows = new dev.arcrun.app.dashboard.WorkflowsViewModel(executor, connection, i18n);
                var creds = new dev.arcrun.app.dashboard.CredentialsViewModel(executor, connection, i18n);
                var services = new dev.arcrun.app.dashboard.ServicesViewModel(executor, connection, i18n);
                workflows.refresh();
                creds.refresh();
                services.refresh();
                var runs = new dev.arcrun.app.dashboard.RunViewModel(executor, connection, workflows.selectedProperty(), i18n);
                workflows.selectedProperty().set(new dev.arcrun.sdk.WorkflowSummary("bench-run", "", 1, null)); // loads its recent runs
                paged[i] = System.nanoTime() - s;
                shown[0] = workflows.workflows().size();
                shown[1] = runs.runs().size();
                if (!workflows.errorProperty().get().isEmpty()) throw new IllegalStateException(workflows.errorProperty().get());

                s = System.nanoTime();
                int n = client.workflows().list().size() + client.credentials().list().size() + client.services().list().size()
                        + client.credentials().list().size() + client.runs().list("bench-run").size();
                everything[i] = System.nanoTime() - s;
                if (n == 0) throw new IllegalStateException("nothing listed");
            }
            Arrays.sort(paged);
            Arrays.sort(everything);
            System.out.printf("dashboard open (view models, lists loaded, headless): median %.0f ms paged (%d workflows, %d runs shown), "
                    + "%.0f ms loading everything as before (reference)%n", paged[3] / 1e6, shown[0], shown[1], everything[3] / 1e6);
        }
    }

    private static void bulkPut(Toolchain toolchain, Path engineDir, Path persist, Path root, String binding, ArrayNode entries) throws Exception {
        Path file = root.resolve(binding + ".json");
        JSON.writeValue(file.toFile(), entries);
        ProcessBuilder pb = new ProcessBuilder(toolchain.wranglerCommand("kv", "bulk", "put", file.toString(), "--binding", binding,
                "--local", "--persist-to", persist.toString(), "-c", "workers/cypher-executor/wrangler.toml"))
                .directory(engineDir.toFile()).redirectErrorStream(true).redirectOutput(root.resolve("bulk.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("XDG_CONFIG_HOME", Files.createDirectories(root.resolve("xdg")).toString());
        pb.environment().put("WRANGLER_SEND_METRICS", "false");
        int rc = pb.start().waitFor();
        if (rc != 0) throw new IllegalStateException("wrangler kv bulk put failed: " + Files.readString(root.resolve("bulk.log")));
    }

    private static Got send(String url, String apiKey, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("content-type", "application/json");
        long s = System.nanoTime();
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        long t = System.nanoTime() - s;
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return new Got(t, r.body().length, JSON.readTree(r.body()));
    }
}
