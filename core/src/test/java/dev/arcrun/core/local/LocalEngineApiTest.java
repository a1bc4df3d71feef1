package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.EngineClient.Answer;
import dev.arcrun.testkit.http.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's API in real workerd: one local engine (both workers under wrangler dev) for the whole class, since a
 * start takes several seconds on a small machine.
 */
class LocalEngineApiTest {

    @TempDir
    static Path home;

    static LocalEngine engine;
    static EngineClient anonymous;
    static EngineClient client;
    static String encryptionKey;
    static RecordingHttpServer server;
    static final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startEngine() {
        engine = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        LocalEngine.Keys keys = LocalEngine.Keys.generate();
        LocalStatus.Running running = engine.start(null, keys, line -> logs.add(line.text()), LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        anonymous = new EngineClient(running.url(), null);
        encryptionKey = keys.encryptionKey().reveal();
        client = anonymous.withKey(keys.apiKey().reveal());
        server = RecordingHttpServer.start();
        // Workflows may reach a loopback address only once the owner allows it: this test's server is on one.
        Answer allowed = client.put("/settings", Map.of("allow_private_hosts", List.of(serverHost())));
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
    }

    /** 127.0.0.1:PORT of the test server: a recipe host without a port would mean port 80 only. */
    static String serverHost() {
        return server.baseUrl().substring("http://".length());
    }

    @AfterAll
    static void stopEngine() {
        if (server != null) server.close();
        if (engine != null) engine.stop();
    }

    @Test
    void healthAnswersWithoutAKey() {
        Answer health = anonymous.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("ok").asBoolean()).isTrue();
        assertThat(health.json().path("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void everyOtherRouteNeedsTheApiKey() {
        for (String path : List.of("/credentials", "/auth/recipes", "/api-recipes", "/components", "/webhooks/named", "/runs")) {
            Answer wrong = client.withKey("arc_wrong").get(path);
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(wrong.json().at("/error/code").asText()).isEqualTo("unauthorized");
            assertThat(anonymous.get(path).status()).as(path + " without a key").isEqualTo(401);
        }
    }

    @Test
    void credentialIsInjectedTowardTheRecipesHostAndNeverShown() throws Exception {
        String secret = "tok-" + UUID.randomUUID();
        String service = "localtest" + shortId();
        String credential = service + "_token";
        assertThat(client.post("/credentials", encrypt(credential, secret)).status()).isEqualTo(201);
        Answer listed = client.get("/credentials");
        assertThat(listed.json().path("credentials").findValuesAsText("name")).contains(credential);
        assertThat(listed.text()).doesNotContain(secret);

        Answer recipe = client.put("/auth/recipes/" + service, Map.of(
                "service", service, "display_name", "Test server",
                "required_secrets", List.of(Map.of("key", credential, "label", "Token")),
                "inject", Map.of("header", Map.of("X-Api-Token", "Bearer {{" + credential + "}}")),
                "hosts", List.of(serverHost()),
                "test", Map.of("method", "GET", "url", server.baseUrl() + "/whoami")));
        assertThat(recipe.status()).as(recipe.text()).isEqualTo(200);
        Answer tested = client.post("/auth/recipes/" + service + "/test", Map.of());
        assertThat(tested.json().path("success").asBoolean()).as(tested.text()).isTrue();
        assertThat(tested.json().path("status").asInt()).isEqualTo(200);
        assertThat(server.requests()).anyMatch(r -> r.path().equals("/whoami") && ("Bearer " + secret).equals(r.header("x-api-token")));
        assertThat(tested.text()).doesNotContain(secret);
        assertThat(client.get("/auth/recipes/" + service).json().at("/recipe/hosts/0").asText()).isEqualTo(serverHost());

        String allowedUrl = server.baseUrl() + "/hook";
        pushWorkflow(service + "-ok", List.of(Map.of("id", "call", "component", "http_request", "service", service,
                "input", Map.of("method", "POST", "url", allowedUrl, "body", Map.of("hello", "{{input.who}}")))));
        Answer run = client.post("/webhooks/named/" + service + "-ok/trigger", Map.of("input", Map.of("who", "engine")));
        assertThat(run.json().path("success").asBoolean()).as(run.text()).isTrue();
        RecordingHttpServer.Recorded received = server.requests().stream().filter(r -> r.path().equals("/hook")).findFirst().orElseThrow();
        assertThat(received.header("x-api-token")).isEqualTo("Bearer " + secret);
        assertThat(received.body()).contains("\"hello\":\"engine\"");
        // The test server echoes the header back; the engine must hide it in the answer, the trace and the stored run.
        assertThat(run.text()).doesNotContain(secret).contains("[redacted]");
        Answer stored = client.get("/runs/" + run.json().path("run_id").asText());
        assertThat(stored.json().at("/run/status").asText()).isEqualTo("ok");
        assertThat(stored.text()).doesNotContain(secret);
        assertThat(client.get("/runs?workflow=" + service + "-ok").json().path("runs").findValuesAsText("run_id"))
                .contains(run.json().path("run_id").asText());

        // A secret in the URL path (how Telegram's Bot API takes its token), filled only at send time.
        pushWorkflow(service + "-path", List.of(Map.of("id", "call", "component", "http_request", "service", service,
                "input", Map.of("url", server.baseUrl() + "/bot{{secret." + credential + "}}/getMe"))));
        Answer inPath = client.post("/webhooks/named/" + service + "-path/trigger", Map.of());
        assertThat(inPath.json().path("status").asText()).as(inPath.text()).isEqualTo("ok");
        assertThat(server.requests()).anyMatch(r -> r.path().equals("/bot" + secret + "/getMe"));
        assertThat(inPath.text()).doesNotContain(secret).contains("{{secret." + credential + "}}");

        // The same credential toward a host outside the recipe's hosts: the step fails and nothing is sent.
        int before = server.requests().size();
        String otherHostUrl = server.baseUrl().replace("127.0.0.1", "localhost") + "/elsewhere";
        pushWorkflow(service + "-elsewhere", List.of(Map.of("id", "call", "component", "http_request", "service", service,
                "input", Map.of("url", otherHostUrl))));
        Answer refused = client.post("/webhooks/named/" + service + "-elsewhere/trigger", Map.of());
        assertThat(refused.json().path("status").asText()).isEqualTo("error");
        assertThat(refused.json().at("/trace/0/status").asText()).isEqualTo("error");
        assertThat(refused.json().at("/trace/0/error/code").asText()).isEqualTo("host_not_allowed");
        assertThat(refused.json().at("/trace/0/error/message").asText()).contains("127.0.0.1").contains("localhost");
        assertThat(server.requests()).hasSize(before);
        assertThat(refused.text()).doesNotContain(secret);
        assertThat(String.join("\n", logs)).doesNotContain(secret);

        assertThat(client.delete("/credentials/" + credential).status()).isEqualTo(200);
        assertThat(client.delete("/credentials/" + credential).status()).isEqualTo(404);
    }

    @Test
    void aMissingOrForeignCredentialFailsTheStepWithoutSendingAnything() throws Exception {
        String service = "localbad" + shortId();
        String credential = service + "_token";
        assertThat(client.put("/auth/recipes/" + service, Map.of("service", service, "display_name", "Bad",
                "required_secrets", List.of(Map.of("key", credential, "label", "Token")),
                "inject", Map.of("header", Map.of("X-Api-Token", "{{" + credential + "}}")),
                "hosts", List.of(serverHost()))).status()).isEqualTo(200);
        pushWorkflow(service, List.of(Map.of("id", "call", "component", "http_request", "service", service,
                "input", Map.of("url", server.baseUrl() + "/" + service))));

        Answer untested = client.post("/auth/recipes/" + service + "/test", Map.of());
        assertThat(untested.status()).isEqualTo(400);
        assertThat(untested.json().at("/error/code").asText()).isEqualTo("no_test_call");
        Answer missing = client.post("/webhooks/named/" + service + "/trigger", Map.of());
        assertThat(missing.json().at("/trace/0/error/code").asText()).isEqualTo("credential_missing");
        assertThat(missing.json().at("/trace/0/error/message").asText()).contains(credential).contains("POST /credentials");

        // Encrypted with some other key: the engine cannot decrypt it and says so.
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        assertThat(client.post("/credentials", encrypt(credential, "value-" + shortId(), otherKey)).status()).isEqualTo(201);
        Answer foreign = client.post("/webhooks/named/" + service + "/trigger", Map.of());
        assertThat(foreign.json().at("/trace/0/error/code").asText()).isEqualTo("credential_undecryptable");
        assertThat(server.requests()).noneMatch(r -> r.path().equals("/" + service));

        Answer badIv = client.post("/credentials", Map.of("name", credential, "iv", "AAAA", "ciphertext", "AAAAAAAAAAAAAAAAAAAAAA=="));
        assertThat(badIv.status()).isEqualTo(400);
        assertThat(badIv.json().at("/error/message").asText()).contains("iv must be 12 bytes");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorShape() {
        Answer unknown = client.sendOutsideSpec("GET", "/nowhere", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("not_found");
        Answer wrongMethod = client.sendOutsideSpec("PATCH", "/credentials", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("success").asBoolean(true)).isFalse();
    }

    @Test
    void wasmComponentsRunFromTheRegistry() throws Exception {
        JsonNode components = client.get("/components").json().path("components");
        JsonNode upper = null;
        for (JsonNode c : components) if (c.path("canonical_id").asText().equals("text_upper")) upper = c;
        assertThat(upper).isNotNull();
        assertThat(upper.path("runtime").asText()).isEqualTo("wasm");
        assertThat(upper.at("/wasm/sha256").asText()).hasSize(64);

        ObjectNode hello = (ObjectNode) EngineClient.JSON.readTree(Files.readString(Path.of("../engine/examples/hello.json")));
        Answer pushed = client.post("/webhooks/named", Map.of("name", "hello", "workflow", hello));
        assertThat(pushed.status()).as(pushed.text()).isIn(200, 201);
        Answer run = client.post("/webhooks/named/hello/trigger", Map.of("input", Map.of()));
        assertThat(run.json().path("success").asBoolean()).as(run.text()).isTrue();
        assertThat(run.json().at("/output/greeting").asText()).isEqualTo("Hello, world!");
        assertThat(run.json().at("/output/loud").asText()).isEqualTo("HELLO, WORLD!");
        assertThat(run.json().at("/output/words").asInt()).isEqualTo(2);
        assertThat(run.json().path("trace").findValuesAsText("component")).containsExactly("template", "text_upper", "word_count");

        Answer named = client.post("/webhooks/named/hello/trigger", Map.of("input", Map.of("name", "arcrun team")));
        assertThat(named.json().at("/output/loud").asText()).isEqualTo("HELLO, ARCRUN TEAM!");
        assertThat(named.json().at("/output/words").asInt()).isEqualTo(3);
    }

    @Test
    void everyExampleIsAcceptedAndTheOfflineOnesRun() throws Exception {
        try (var files = Files.list(Path.of("../engine/examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode doc = EngineClient.JSON.readTree(file.toFile());
                Answer pushed = client.post("/webhooks/named", Map.of("name", doc.path("name").asText(), "workflow", doc));
                assertThat(pushed.status()).as(file + ": " + pushed.text()).isIn(200, 201);
            }
        }
        Answer pass = client.post("/webhooks/named/branching/trigger", Map.of("input", Map.of("score", 80)));
        assertThat(pass.json().path("output").toString()).isEqualTo("{\"grade\":\"pass\",\"message\":\"Well done: 80 points.\"}");
        assertThat(pass.json().at("/trace/2/status").asText()).isEqualTo("skipped");
        Answer fail = client.post("/webhooks/named/branching/trigger", Map.of("input", Map.of()));
        assertThat(fail.json().at("/output/message").asText()).isEqualTo("0 points; try again.");

        Answer loop = client.post("/webhooks/named/foreach/trigger", Map.of("input", Map.of("lines", List.of("a b c", "d", ""))));
        assertThat(loop.json().at("/output/per_line").toString()).isEqualTo("[{\"count\":3},{\"count\":1},{\"count\":0}]");
        assertThat(client.post("/webhooks/named/foreach/trigger", Map.of()).json().at("/output/per_line/0/count").asInt()).isEqualTo(4);

        Answer recovered = client.post("/webhooks/named/on_error/trigger", Map.of());
        assertThat(recovered.json().path("status").asText()).as(recovered.text()).isEqualTo("ok");
        assertThat(recovered.json().at("/trace/0/status").asText()).isEqualTo("error");
        assertThat(recovered.json().at("/output/fetch_status").asText()).isEqualTo("error");
        assertThat(recovered.json().at("/output/note").asText()).startsWith("The fetch failed ('not-a-url' is not an absolute");
    }

    @Test
    void malformedWorkflowIsRefusedWithTheReason() {
        Answer unknown = client.post("/webhooks/named", Map.of("name", "broken", "workflow", Map.of("name", "broken",
                "steps", List.of(Map.of("id", "a", "component", "no_such_component")))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("invalid_workflow");
        assertThat(unknown.json().at("/error/message").asText()).contains("unknown component 'no_such_component'");

        Answer forward = client.post("/webhooks/named", Map.of("name", "forward", "workflow", Map.of("name", "forward",
                "steps", List.of(Map.of("id", "a", "component", "template", "input", Map.of("template", "{{steps.b.output}}")),
                        Map.of("id", "b", "component", "template", "input", Map.of("template", "x"))))));
        assertThat(forward.status()).isEqualTo(400);
        assertThat(forward.json().at("/error/message").asText()).contains("steps.b").contains("not an earlier step");

        Answer noSteps = client.post("/webhooks/named", Map.of("name", "empty", "workflow", Map.of("name", "empty", "steps", List.of())));
        assertThat(noSteps.status()).isEqualTo(400);
        assertThat(noSteps.json().at("/error/message").asText()).contains("steps");

        Answer notJson = client.post("/webhooks/named", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/error/code").asText()).isEqualTo("invalid_json");
        assertThat(client.get("/webhooks/named/broken").status()).isEqualTo(404);
    }

    @Test
    void failingStepStopsTheRunAndTheTraceSaysWhy() {
        pushWorkflow("fails", List.of(
                Map.of("id", "first", "component", "template", "input", Map.of("template", "ok")),
                Map.of("id", "broken", "component", "http_request", "input", Map.of("url", "not a url")),
                Map.of("id", "never", "component", "template", "input", Map.of("template", "unreached"))));
        Answer run = client.post("/webhooks/named/fails/trigger", Map.of("input", Map.of()));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("success").asBoolean(true)).isFalse();
        assertThat(run.json().path("status").asText()).isEqualTo("error");
        JsonNode trace = run.json().path("trace");
        assertThat(trace).hasSize(2);
        assertThat(trace.get(0).path("status").asText()).isEqualTo("ok");
        assertThat(trace.get(1).path("status").asText()).isEqualTo("error");
        assertThat(trace.get(1).at("/error/code").asText()).isEqualTo("invalid_url");
        assertThat(trace.get(1).at("/error/message").asText()).contains("not a url");
        assertThat(run.json().at("/error/step").asText()).isEqualTo("broken");

        Answer stored = client.get("/runs/" + run.json().path("run_id").asText());
        assertThat(stored.json().at("/run/status").asText()).isEqualTo("error");
        assertThat(stored.json().at("/run/trace/1/error/code").asText()).isEqualTo("invalid_url");
    }

    @Test
    void whenSkipsAStep() {
        pushWorkflow("conditional", List.of(
                Map.of("id", "maybe", "component", "template", "when", "{{input.loud}}", "input", Map.of("template", "LOUD")),
                Map.of("id", "always", "component", "template", "input", Map.of("template", "quiet"))));
        Answer run = client.post("/webhooks/named/conditional/trigger", Map.of("input", Map.of("loud", false)));
        assertThat(run.json().at("/trace/0/status").asText()).isEqualTo("skipped");
        assertThat(run.json().at("/trace/1/status").asText()).isEqualTo("ok");
        assertThat(run.json().path("output").asText()).isEqualTo("quiet");
    }

    @Test
    void recipesWorkflowsAndRunsAreListed() {
        Answer recipes = client.get("/auth/recipes");
        assertThat(recipes.json().path("success").asBoolean()).isTrue();
        assertThat(recipes.json().path("recipes").findValuesAsText("service")).contains("openai", "anthropic", "github", "telegram");
        Answer openai = client.get("/auth/recipes/openai");
        assertThat(openai.json().at("/recipe/inject/header/Authorization").asText()).isEqualTo("Bearer {{openai_api_key}}");
        assertThat(openai.json().at("/recipe/required_secrets/0/key").asText()).isEqualTo("openai_api_key");
        assertThat(openai.json().at("/recipe/hosts/0").asText()).isEqualTo("api.openai.com");
        assertThat(client.get("/auth/recipes/nope").status()).isEqualTo(404);

        assertThat(client.get("/api-recipes").json().path("recipes").findValuesAsText("id")).contains("gmail_send", "telegram_send");
        Answer custom = client.put("/api-recipes/openai_models", Map.of("id", "openai_models", "display_name", "OpenAI: models",
                "service", "openai", "request", Map.of("method", "GET", "url", "https://api.openai.com/v1/models"),
                "inputs", Map.of("required", List.of(), "optional", List.of())));
        assertThat(custom.status()).as(custom.text()).isEqualTo(200);
        assertThat(client.get("/api-recipes").json().path("recipes").findValuesAsText("id")).contains("openai_models");
        Answer badRecipe = client.put("/auth/recipes/leaky", Map.of("service", "leaky", "display_name", "x",
                "required_secrets", List.of(Map.of("key", "token", "label", "t")), "inject", Map.of("header", Map.of()), "hosts", List.of("a.example")));
        assertThat(badRecipe.status()).isEqualTo(400);
        assertThat(badRecipe.json().at("/error/message").asText()).contains("leaky_");

        pushWorkflow("listed", List.of(Map.of("id", "a", "component", "template", "input", Map.of("template", "x"))));
        assertThat(client.get("/webhooks/named").json().path("workflows").findValuesAsText("name")).contains("listed");
        assertThat(client.get("/webhooks/named/listed").json().at("/workflow/steps/0/id").asText()).isEqualTo("a");
        client.post("/webhooks/named/listed/trigger", Map.of());
        assertThat(client.get("/runs").json().path("runs").findValuesAsText("workflow")).contains("listed");
        assertThat(client.delete("/webhooks/named/listed").status()).isEqualTo(200);
        assertThat(client.get("/webhooks/named/listed").status()).isEqualTo(404);
    }

    private static void pushWorkflow(String name, List<Map<String, Object>> steps) {
        Answer pushed = client.post("/webhooks/named", Map.of("name", name, "workflow", Map.of("name", name, "steps", steps)));
        assertThat(pushed.status()).as(pushed.text()).isIn(200, 201);
    }

    /** What a client sends: AES-256-GCM with the engine's key, 12-byte iv, tag appended, both base64. */
    private static Map<String, String> encrypt(String name, String value) throws Exception {
        return encrypt(name, value, Base64.getDecoder().decode(encryptionKey));
    }

    private static Map<String, String> encrypt(String name, String value, byte[] key) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Map.of("name", name, "iv", Base64.getEncoder().encodeToString(iv), "ciphertext", Base64.getEncoder().encodeToString(sealed));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    }
}
