package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.EngineClient.Answer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's security promises in real workerd, started as an install starts it on Cloudflare: the keys are its
 * secrets (a 0600 {@code .dev.vars}), ALLOW_REGISTER is not set. One engine for the class (a start is slow), and an
 * echo server on loopback standing in for a hostile or chatty API.
 */
class EngineSecurityTest {

    @TempDir
    static Path work;

    static Process wrangler;
    static Path log;
    static String engineUrl;
    static String apiKey;
    static byte[] encryptionKey;
    static EngineClient anonymous;
    static EngineClient client;
    static HttpServer echo;
    static String echoUrl;
    static String echoHostPort;
    static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEngine() throws Exception {
        Path engine = work.resolve("engine");
        copyEngine(Path.of("../engine").toAbsolutePath().normalize(), engine);
        SecureRandom random = new SecureRandom();
        byte[] apiBytes = new byte[32];
        random.nextBytes(apiBytes);
        apiKey = "arc_" + HexFormat.of().formatHex(apiBytes);
        encryptionKey = new byte[32];
        random.nextBytes(encryptionKey);
        Path devVars = engine.resolve("workers/cypher-executor/.dev.vars");
        Files.writeString(devVars, "API_KEY=\"" + apiKey + "\"\nENCRYPTION_KEY=\"" + Base64.getEncoder().encodeToString(encryptionKey) + "\"\n");
        Files.setPosixFilePermissions(devVars, PosixFilePermissions.fromString("rw-------"));

        Toolchain toolchain = ToolchainManager.forTests().ensure(line -> { });
        int port = freePort();
        engineUrl = "http://127.0.0.1:" + port;
        log = work.resolve("wrangler.log");
        ProcessBuilder pb = new ProcessBuilder(toolchain.wranglerCommand("dev",
                "-c", "workers/cypher-executor/wrangler.toml", "-c", "workers/registry/wrangler.toml",
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
        anonymous = new EngineClient(engineUrl, null);
        client = anonymous.withKey(apiKey);
        try {
            await("the engine answers /health").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions() // not listening yet
                    .failFast("wrangler exited", () -> !wrangler.isAlive())
                    .until(() -> anonymous.get("/health").status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("the engine did not start (" + e.getMessage() + "):\n" + Files.readString(log), e);
        }
        startEcho();
    }

    @AfterAll
    static void stop() {
        if (echo != null) echo.stop(0);
        if (wrangler != null) {
            wrangler.descendants().forEach(ProcessHandle::destroyForcibly);
            wrangler.destroyForcibly();
        }
    }

    // 1. Keys

    @Test
    void registerIsRefusedOnAnEngineWhoseKeysAreItsSecrets() throws IOException {
        Answer register = anonymous.post("/register", Map.of());
        assertThat(register.status()).as(register.text()).isEqualTo(403);
        assertThat(register.json().at("/error/code").asText()).isEqualTo("register_disabled");
        assertThat(register.json().at("/error/message").asText()).contains("ALLOW_REGISTER").contains("API_KEY");
        assertThat(register.text()).doesNotContain(apiKey);
        assertThat(client.get("/credentials").status()).isEqualTo(200);
        assertThat(anonymous.get("/credentials").status()).isEqualTo(401);
        // The encryption key lives only in the secrets: no file of the engine's state holds it.
        String key = Base64.getEncoder().encodeToString(encryptionKey);
        assertThat(filesContaining(work.resolve("state"), key)).isEmpty();
    }

    // 2. Credentials go only where their recipe allows

    @Test
    void aLaterStepReadsOnlyTheRedactedOutputOfAnEarlierOne() throws Exception {
        String service = "chain" + shortId();
        String secret = "Sec!ret value/" + UUID.randomUUID();
        allowEcho();
        putRecipe(service, Map.of("header", Map.of("X-Api-Token", "Bearer {{" + service + "_token}}")), List.of(echoHostPort));
        pushCredential(service + "_token", secret);
        String exfil = "exfil" + shortId();
        pushWorkflow(service, List.of(
                step("leak", "http_request", Map.of("url", echoUrl + "/whoami"), Map.of("service", service)),
                step("send", "http_request", Map.of("method", "POST", "url", echoUrl + "/" + exfil,
                        "body", Map.of("all", "{{steps.leak.output}}"))),
                step("upper", "text_upper", Map.of("text", "{{steps.leak.output.body.headers.x-api-token}}")),
                step("oracle", "template", Map.of("template", "guessed"), Map.of("when",
                        Map.of("contains", List.of("{{steps.leak.output.body.headers.x-api-token}}", "Bearer " + secret.substring(0, 3)))))),
                "{{steps.upper.output.text}}");
        Answer run = client.post("/webhooks/named/" + service + "/trigger", Map.of());
        assertThat(run.json().path("status").asText()).as(run.text()).isEqualTo("ok");
        String sent = received.stream().filter(r -> r.contains("/" + exfil)).findFirst().orElseThrow();
        assertThat(sent).contains("[redacted]");
        assertNoSpelling(sent, secret);
        assertThat(run.json().path("output").asText()).isEqualTo("BEARER [REDACTED]");
        assertThat(run.json().at("/trace/3/status").asText()).as("a contains on a secret tells nothing").isEqualTo("skipped");
        assertNoSpelling(run.text(), secret);
        assertNoSpelling(client.get("/runs/" + run.json().path("run_id").asText()).text(), secret);
    }

    @Test
    void queryBasicAndErrorEncodingsOfACredentialAreRedactedBeforeTheCut() throws Exception {
        String service = "enc" + shortId();
        String user = "user-" + shortId();
        String secret = "p@ss word!" + UUID.randomUUID();
        allowEcho();
        putRecipe(service, Map.of("header", Map.of("Authorization", "Basic {{basic:" + service + "_user:" + service + "_pass}}"),
                "query", Map.of("key", "{{" + service + "_pass}}")), List.of(echoHostPort), service + "_user", service + "_pass");
        pushCredential(service + "_user", user);
        pushCredential(service + "_pass", secret);
        pushWorkflow(service, List.of(step("call", "http_request", Map.of("url", echoUrl + "/q"), Map.of("service", service))), null);
        Answer run = client.post("/webhooks/named/" + service + "/trigger", Map.of());
        assertThat(run.json().path("status").asText()).as(run.text()).isEqualTo("ok");
        assertThat(received).anyMatch(r -> r.contains(URLEncoder.encode(secret, StandardCharsets.UTF_8)));
        assertNoSpelling(run.text(), secret);
        assertThat(run.text()).doesNotContain(Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));

        // An API that fails and quotes the credential at character 495: the 500-character cut keeps no prefix of it.
        String api = "fail" + shortId();
        Answer recipe = client.put("/api-recipes/" + api, Map.of("id", api, "display_name", "Fails", "service", service,
                "request", Map.of("method", "GET", "url", echoUrl + "/fail"), "inputs", Map.of("required", List.of())));
        assertThat(recipe.status()).as(recipe.text()).isEqualTo(200);
        pushWorkflow(api, List.of(step("call", api, Map.of())), null);
        Answer failed = client.post("/webhooks/named/" + api + "/trigger", Map.of());
        assertThat(failed.json().at("/error/code").asText()).as(failed.text()).isEqualTo("api_error");
        assertThat(failed.text()).doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8).substring(0, 6));
    }

    @Test
    void aCredentialShorterThan8CharactersIsRefusedAtPush() throws Exception {
        Answer shortOne = client.post("/credentials", encrypt("short_key", "abc1234"));
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().at("/error/code").asText()).isEqualTo("credential_too_short");
        assertThat(client.post("/credentials", encrypt("short_key", "abcd1234")).status()).isIn(200, 201);
    }

    // 3. Recipe override

    @Test
    void recipesCannotRedirectStoredCredentials() throws Exception {
        Answer widened = client.put("/auth/recipes/github", Map.of("service", "github", "display_name", "GitHub",
                "required_secrets", List.of(Map.of("key", "github_token", "label", "t")),
                "inject", Map.of("header", Map.of("Authorization", "Bearer {{github_token}}")), "hosts", List.of("127.0.0.1")));
        assertThat(widened.status()).as(widened.text()).isEqualTo(400);
        assertThat(widened.json().at("/error/code").asText()).isEqualTo("builtin_hosts_widened");
        assertThat(client.get("/auth/recipes/github").json().at("/recipe/hosts").toString()).isEqualTo("[\"api.github.com\"]");

        // A new service whose keys share a built-in's prefix cannot claim that built-in's stored credential.
        pushCredential("google_service_account_json", "{\"not\":\"a real key\"}");
        Answer takeover = client.put("/auth/recipes/google", recipeBody("google",
                Map.of("header", Map.of("X-K", "{{google_service_account_json}}")), List.of("127.0.0.1"), "google_service_account_json"));
        assertThat(takeover.status()).as(takeover.text()).isEqualTo(409);
        assertThat(client.delete("/credentials/google_service_account_json").status()).isEqualTo(200);

        String service = "moved" + shortId();
        putRecipe(service, Map.of("header", Map.of("X-T", "{{" + service + "_token}}")), List.of("api.example.com"));
        pushCredential(service + "_token", "value-" + UUID.randomUUID());
        Answer moved = client.put("/auth/recipes/" + service, recipeBody(service,
                Map.of("header", Map.of("X-T", "{{" + service + "_token}}")), List.of("127.0.0.1"), service + "_token"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(409);
        assertThat(moved.json().at("/error/code").asText()).isEqualTo("recipe_has_credentials");
        Answer reinjected = client.put("/auth/recipes/" + service, recipeBody(service,
                Map.of("header", Map.of("X-Other", "{{" + service + "_token}}")), List.of("api.example.com"), service + "_token"));
        assertThat(reinjected.status()).isEqualTo(409);
        assertThat(client.put("/auth/recipes/" + service, recipeBody(service, Map.of("header", Map.of("X-T", "{{" + service + "_token}}")),
                List.of("api.example.com"), service + "_token")).status()).as("the same delivery may be stored again").isEqualTo(200);
        assertThat(client.delete("/credentials/" + service + "_token").status()).isEqualTo(200);
        assertThat(moved = client.put("/auth/recipes/" + service, recipeBody(service,
                Map.of("header", Map.of("X-T", "{{" + service + "_token}}")), List.of("127.0.0.1"), service + "_token")))
                .extracting(Answer::status).as("without stored credentials it may change").isEqualTo(200);
    }

    @Test
    void aRecipeHostWithoutAPortAllowsOnlyTheDefaultPort() throws Exception {
        String service = "port" + shortId();
        allowEcho();
        putRecipe(service, Map.of("header", Map.of("X-T", "{{" + service + "_token}}")), List.of("127.0.0.1"));
        pushCredential(service + "_token", "value-" + UUID.randomUUID());
        pushWorkflow(service, List.of(step("call", "http_request", Map.of("url", echoUrl + "/" + service), Map.of("service", service))), null);
        Answer run = client.post("/webhooks/named/" + service + "/trigger", Map.of());
        assertThat(run.json().at("/trace/0/error/code").asText()).as(run.text()).isEqualTo("host_not_allowed");
        assertThat(received).noneMatch(r -> r.contains("/" + service));
    }

    // 4. SSRF

    @Test
    void privateAddressesAreRefusedUnlessTheOwnerAllowsThem() throws Exception {
        Answer cleared = client.put("/settings", Map.of("allow_private_hosts", List.of()));
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        int port = Integer.parseInt(echoHostPort.substring(echoHostPort.lastIndexOf(':') + 1));
        String marker = "ssrf" + shortId();
        List<String> spellings = List.of("http://127.0.0.1:" + port, "http://2130706433:" + port, "http://0x7f.1:" + port,
                "http://localhost:" + port, "http://[::ffff:127.0.0.1]:" + port, "http://[::1]:" + port, "http://0.0.0.0:" + port,
                "http://echo.localhost:" + port);
        for (String base : spellings) {
            String name = marker + spellings.indexOf(base);
            pushWorkflow(name, List.of(step("call", "http_request", Map.of("url", base + "/" + name))), null);
            Answer run = client.post("/webhooks/named/" + name + "/trigger", Map.of());
            assertThat(run.json().at("/trace/0/error/code").asText()).as(base + ": " + run.text()).isEqualTo("private_host_refused");
            assertThat(run.json().at("/trace/0/error/message").asText()).contains("allow_private_hosts");
        }
        // A recipe's hosts do not open a private address either.
        String service = "ssrfsvc" + shortId();
        putRecipe(service, Map.of("header", Map.of("X-T", "{{" + service + "_token}}")), List.of(echoHostPort));
        pushCredential(service + "_token", "value-" + UUID.randomUUID());
        pushWorkflow(service, List.of(step("call", "http_request", Map.of("url", echoUrl + "/" + marker + "svc"), Map.of("service", service))), null);
        assertThat(client.post("/webhooks/named/" + service + "/trigger", Map.of()).json().at("/trace/0/error/code").asText())
                .isEqualTo("private_host_refused");
        assertThat(received).noneMatch(r -> r.contains(marker));

        Answer bad = client.put("/settings", Map.of("allow_private_hosts", List.of("127.0.0.1")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).contains("host:port");
        Answer allowed = client.put("/settings", Map.of("allow_private_hosts", List.of(echoHostPort)));
        assertThat(allowed.json().at("/settings/allow_private_hosts/0").asText()).isEqualTo(echoHostPort);
        assertThat(client.get("/settings").json().at("/settings/allow_private_hosts").toString()).isEqualTo("[\"" + echoHostPort + "\"]");
        assertThat(anonymous.get("/settings").status()).isEqualTo(401);
        Answer through = client.post("/webhooks/named/" + marker + "0/trigger", Map.of());
        assertThat(through.json().path("status").asText()).as(through.text()).isEqualTo("ok");
        assertThat(client.post("/webhooks/named/" + marker + "3/trigger", Map.of()).json().at("/trace/0/error/code").asText())
                .as("localhost is another host than 127.0.0.1").isEqualTo("private_host_refused");

        // An allowed host that redirects to one that is not: the redirect is checked like the first request.
        String hop = marker + "hop";
        pushWorkflow(hop, List.of(step("call", "http_request", Map.of("url", echoUrl + "/redirect?to="
                + URLEncoder.encode("http://localhost:" + port + "/" + hop, StandardCharsets.UTF_8)))), null);
        Answer redirected = client.post("/webhooks/named/" + hop + "/trigger", Map.of());
        assertThat(redirected.json().at("/trace/0/error/code").asText()).as(redirected.text()).isEqualTo("private_host_refused");
        assertThat(received).noneMatch(r -> r.startsWith("GET /" + hop));
    }

    @Test
    void aRunThatTriggersItselfStopsAfterAFewLevels() throws Exception {
        String enginePort = engineUrl.substring(engineUrl.lastIndexOf(':') + 1);
        assertThat(client.put("/settings", Map.of("allow_private_hosts", List.of(echoHostPort, "127.0.0.1:" + enginePort))).status()).isEqualTo(200);
        String name = "loop" + shortId();
        pushWorkflow(name, List.of(step("again", "http_request", Map.of("method", "POST",
                "url", engineUrl + "/webhooks/named/" + name + "/trigger", "headers", Map.of("Authorization", "Bearer {{input.key}}"),
                "body", Map.of("input", Map.of("key", "{{input.key}}"))))), null);
        Answer run = client.post("/webhooks/named/" + name + "/trigger", Map.of("input", Map.of("key", apiKey)));
        assertThat(run.json().path("status").asText()).as(run.text()).isEqualTo("ok");
        JsonNode runs = client.get("/runs?workflow=" + name).json().path("runs");
        assertThat(runs.size()).as(runs.toString()).isBetween(2, 5);
        assertThat(run.text()).contains("run_depth_exceeded");
    }

    // 5. The registry answers only its binding

    @Test
    void theRegistryRefusesARouteOverrideOnTheRuntimePort() throws Exception {
        // workerd's own socket (the "runtime port", not the --port proxy) routes by MF-Route-Override: find it
        // among the ports the engine's processes listen on.
        List<Integer> ports = listeningPortsOfEngine();
        org.junit.jupiter.api.Assumptions.assumeFalse(ports.isEmpty(), "ss cannot list the engine's ports here");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<String> registryAnswers = new ArrayList<>();
        for (int port : ports) {
            for (HttpRequest request : List.of(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/components/text_upper"))
                            .header("MF-Route-Override", "arcrun-registry").header("content-type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"canonical_id\":\"text_upper\",\"display_name\":\"owned\"}")).build(),
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/components/text_upper/invoke"))
                            .header("MF-Route-Override", "arcrun-registry").header("content-type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"text\":\"x\"}}")).build())) {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode() / 100).as(port + ": " + answer.body()).isNotEqualTo(2);
                    if (answer.body().contains("binding_only")) registryAnswers.add(port + " " + answer.statusCode());
                } catch (IOException notHttp) {
                    // the inspector or another socket that does not speak plain HTTP
                }
            }
        }
        assertThat(registryAnswers).as("the registry was reached on the runtime port and refused").isNotEmpty()
                .allMatch(a -> a.endsWith(" 403"));
        Answer catalog = client.get("/components/text_upper");
        assertThat(catalog.status()).as("the executor still reaches it through the binding").isEqualTo(200);
        assertThat(catalog.text()).doesNotContain("owned");
    }

    /** TCP ports on which wrangler's child processes listen (via ss; empty where ss is missing). */
    private static List<Integer> listeningPortsOfEngine() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        pids.add(wrangler.pid());
        wrangler.descendants().forEach(p -> pids.add(p.pid()));
        try {
            Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            List<Integer> ports = new ArrayList<>();
            for (String line : out.split("\n")) {
                java.util.regex.Matcher pid = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(line);
                java.util.regex.Matcher addr = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(line);
                if (pid.find() && pids.contains(Long.parseLong(pid.group(1))) && addr.find()) ports.add(Integer.parseInt(addr.group(1)));
            }
            return ports;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    // 6. Bad input

    @Test
    void badInputGetsA4xxWithAReasonNeverA500() throws Exception {
        // java.net.URI refuses a malformed escape, so this request goes out by hand.
        for (String auth : List.of("", "Authorization: Bearer " + apiKey + "\r\n")) {
            String answer = rawGet("/runs/%E0%A4%A", auth);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 400").contains("invalid_path");
        }
        String name = "bad" + shortId();
        pushWorkflow(name, List.of(step("p", "pick", Map.of("data", Map.of("a", 1), "path", "__proto__.constructor"))), null);
        String deep = "{\"input\":{\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}}";
        Answer tooDeep = client.post("/webhooks/named/" + name + "/trigger", deep);
        assertThat(tooDeep.status()).as(tooDeep.text()).isEqualTo(400);
        assertThat(tooDeep.json().at("/error/code").asText()).isEqualTo("json_too_deep");

        Answer proto = client.post("/webhooks/named/" + name + "/trigger", Map.of());
        assertThat(proto.status()).isEqualTo(200);
        assertThat(proto.json().at("/trace/0/error/code").asText()).as(proto.text()).isEqualTo("invalid_path");

        Answer oops = client.post("/webhooks/named", Map.of("name", name + "o", "workflow", Map.of("name", name + "o",
                "steps", List.of(step("a", "template", Map.of("template", "x"))), "output", "{{input.x || [oops]}}")));
        assertThat(oops.status()).as(oops.text()).isEqualTo(400);
        assertThat(oops.json().at("/error/message").asText()).contains("[oops]");

        pushWorkflow(name + "f", List.of(step("eq", "template", Map.of("template", "same"),
                Map.of("when", Map.of("equals", List.of(Map.of("a", 1, "b", 2), Map.of("b", 2, "a", 1)))))),
                "{{input.x || \"a||b\"}}");
        Answer fallback = client.post("/webhooks/named/" + name + "f/trigger", Map.of());
        assertThat(fallback.json().path("output").asText()).as(fallback.text()).isEqualTo("a||b");
        assertThat(fallback.json().at("/trace/0/status").asText()).as("equals ignores key order").isEqualTo("ok");
    }

    @Test
    void thePagedListsAnswerDeepHugeAndMalformedRequestsWithA4xxNeverA500() {
        String deep = "{\"name\":\"x\",\"workflow\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String huge = "{\"name\":\"x\",\"value\":\"" + "a".repeat(50 * 1024 * 1024) + "\"}";
        for (String list : List.of("/webhooks/named", "/credentials")) {
            Answer tooDeep = client.sendOutsideSpec("POST", list, deep);
            assertThat(tooDeep.status()).as(list + " " + tooDeep.text()).isEqualTo(400);
            assertThat(tooDeep.json().at("/error/code").asText()).isEqualTo("json_too_deep");
            Answer tooBig = client.sendOutsideSpec("POST", list, huge);
            assertThat(tooBig.status()).as(list + " 50 MB").isBetween(400, 499);
        }
        String longText = "w".repeat(10_000);
        for (String list : List.of("/webhooks/named", "/credentials", "/runs", "/auth/recipes", "/components")) {
            for (String query : List.of("limit=abc", "limit=-1", "limit=100000", "cursor=" + longText, "cursor=%00%ff",
                    "prefix=" + longText, "limit=1&limit=2", "cursor=" + "%5B".repeat(10_000))) {
                Answer a = client.sendOutsideSpec("GET", list + "?" + query, null);
                assertThat(a.status()).as(list + "?" + query.substring(0, Math.min(40, query.length())) + " " + a.text())
                        .isLessThan(500);
            }
        }
    }

    // helpers

    private static String rawGet(String path, String extraHeaders) throws IOException {
        URI u = URI.create(engineUrl);
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\n" + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertNoSpelling(String text, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (String s : List.of(secret, secret.toUpperCase(Locale.ROOT), secret.toLowerCase(Locale.ROOT),
                URLEncoder.encode(secret, StandardCharsets.UTF_8), URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
            assertThat(text).as("a spelling of the secret: " + s.length() + " chars").doesNotContainIgnoringCase(s);
        }
    }

    /**
     * Lets workflows reach the echo server. An engine without /settings (404: one from before the private-host
     * check, which let every loopback call through) is tolerated, so those tests fail there on what they check;
     * the settings route itself is checked in {@link #privateAddressesAreRefusedUnlessTheOwnerAllowsThem}.
     */
    private static void allowEcho() {
        Answer set = client.sendOutsideSpec("PUT", "/settings", Map.of("allow_private_hosts", List.of(echoHostPort)));
        assertThat(set.status()).as(set.text()).isIn(200, 404);
    }

    private static Map<String, Object> recipeBody(String service, Map<String, Object> inject, List<String> hosts, String... keys) {
        List<Map<String, String>> secrets = new ArrayList<>();
        for (String k : keys) secrets.add(Map.of("key", k, "label", k));
        return Map.of("service", service, "display_name", service, "required_secrets", secrets, "inject", inject, "hosts", hosts);
    }

    private static void putRecipe(String service, Map<String, Object> inject, List<String> hosts, String... keys) {
        Answer put = client.put("/auth/recipes/" + service, recipeBody(service, inject, hosts, keys.length == 0 ? new String[] {service + "_token"} : keys));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    private static Map<String, Object> step(String id, String component, Map<String, Object> input) {
        return step(id, component, input, Map.of());
    }

    private static Map<String, Object> step(String id, String component, Map<String, Object> input, Map<String, Object> extra) {
        Map<String, Object> s = new java.util.LinkedHashMap<>(Map.of("id", id, "component", component, "input", input));
        s.putAll(extra);
        return s;
    }

    private static void pushWorkflow(String name, List<Map<String, Object>> steps, Object output) {
        Map<String, Object> wf = new java.util.LinkedHashMap<>(Map.of("name", name, "steps", steps));
        if (output != null) wf.put("output", output);
        Answer pushed = client.post("/webhooks/named", Map.of("name", name, "workflow", wf));
        assertThat(pushed.status()).as(pushed.text()).isIn(200, 201);
    }

    private static void pushCredential(String name, String value) throws Exception {
        Answer pushed = client.post("/credentials", encrypt(name, value));
        assertThat(pushed.status()).as(pushed.text()).isIn(200, 201);
    }

    private static Map<String, String> encrypt(String name, String value) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Map.of("name", name, "iv", Base64.getEncoder().encodeToString(iv), "ciphertext", Base64.getEncoder().encodeToString(sealed));
    }

    /** Answers every request with what it received (as JSON); under /fail, a 500 that quotes the headers at char 495. */
    private static void startEcho() throws IOException {
        echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                StringBuilder headers = new StringBuilder();
                exchange.getRequestHeaders().forEach((k, v) -> headers.append(k.toLowerCase(Locale.ROOT)).append(": ").append(String.join(",", v)).append('\n'));
                String path = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                received.add(exchange.getRequestMethod() + " " + path + "\n" + headers + "\n" + body);
                byte[] out;
                int status = 200;
                if (path.startsWith("/redirect?to=")) {
                    exchange.getResponseHeaders().set("location", java.net.URLDecoder.decode(path.substring("/redirect?to=".length()), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                if (path.startsWith("/fail")) {
                    status = 500;
                    out = ("x".repeat(495) + path + " " + headers).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("content-type", "text/plain");
                } else {
                    var echoed = EngineClient.JSON.createObjectNode().put("method", exchange.getRequestMethod()).put("path", path).put("body", body);
                    var h = echoed.putObject("headers");
                    exchange.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                    out = EngineClient.JSON.writeValueAsBytes(echoed);
                    exchange.getResponseHeaders().set("content-type", "application/json");
                }
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
            }
        });
        echo.start();
        echoHostPort = "127.0.0.1:" + echo.getAddress().getPort();
        echoUrl = "http://" + echoHostPort;
    }

    private static List<Path> filesContaining(Path root, String needle) throws IOException {
        if (!Files.exists(root)) return List.of();
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return indexOf(Files.readAllBytes(f), n) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void copyEngine(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                String s = rel.toString().replace('\\', '/');
                if (s.contains("node_modules") || s.contains(".wrangler") || s.endsWith(".dev.vars") || s.startsWith("test")) continue;
                Path target = to.resolve(rel);
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

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    }
}
