package dev.arcrun.core.engineclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.Page;
import dev.arcrun.sdk.EngineApiException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.Health;
import dev.arcrun.sdk.HostPort;
import dev.arcrun.sdk.Recipe;
import dev.arcrun.sdk.RequiredSecret;
import dev.arcrun.sdk.RunRecord;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.RunStatus;
import dev.arcrun.sdk.RunSummary;
import dev.arcrun.sdk.Secret;
import dev.arcrun.sdk.ServiceSummary;
import dev.arcrun.sdk.ServiceTestResult;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.TraceStep;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call of the SDK against the real engine, running in real workerd (the local target). */
class EngineClientRealEngineTest {
    private static final ObjectMapper M = new ObjectMapper().findAndRegisterModules();

    @TempDir static Path home;
    static RealEngine engine;
    static EngineClient client;

    @BeforeAll
    static void start() {
        engine = new RealEngine(home);
        client = engine.client();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static JsonNode json(String s) {
        try {
            return M.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void healthNeedsNoKey() {
        Health h = EngineClient.create(RealEngine.settings(engine.url(), null, null)).health();
        assertThat(h.ok()).isTrue();
        assertThat(h.version()).isEqualTo("0.1.0");
    }

    @Test
    void registerIsRefusedOnAnEngineStartedWithItsKeys() {
        assertThatThrownBy(() -> EngineClient.create(RealEngine.settings(engine.url(), null, null)).register())
                .isInstanceOfSatisfying(EngineApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("register_disabled");
                    assertThat(e.getMessage()).doesNotContain(engine.keys.apiKey().reveal());
                });
    }

    @Test
    void aWrongKeyIsRejectedWithAdviceAndNotEchoed() {
        String wrong = "arc_" + "0".repeat(64);
        EngineClient bad = EngineClient.create(RealEngine.settings(engine.url(), Secret.of(wrong), null));
        assertThatThrownBy(() -> bad.workflows().list())
                .isInstanceOfSatisfying(EngineApiException.ApiKeyRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                    assertThat(e.getMessage()).contains("rejected the api key").doesNotContain(wrong);
                    assertThat(e.advice()).contains("ARCRUN_API_KEY");
                });
    }

    @Test
    void noKeyAtAllIsReportedBeforeAnythingIsSent() {
        EngineClient none = EngineClient.create(RealEngine.settings(engine.url(), null, null));
        assertThatThrownBy(() -> none.credentials().list()).isInstanceOf(ArcrunException.class)
                .hasMessageContaining("No api key");
    }

    @Test
    void credentialsPushListDelete() {
        client.credentials().push("it_token", Secret.of("value123"));
        client.credentials().push("it_token", Secret.of("value456")); // replaces

        List<CredentialInfo> listed = client.credentials().list();
        CredentialInfo info = listed.stream().filter(c -> c.name().equals("it_token")).findFirst().orElseThrow();
        assertThat(info.createdAt()).isNotNull();
        assertThat(info.updatedAt()).isAfterOrEqualTo(info.createdAt());

        client.credentials().delete("it_token");
        assertThat(client.credentials().list()).extracting(CredentialInfo::name).doesNotContain("it_token");
        assertThatThrownBy(() -> client.credentials().delete("it_token"))
                .isInstanceOfSatisfying(EngineApiException.NotFound.class,
                        e -> assertThat(e.code()).isEqualTo("credential_not_found"));
    }

    @Test
    void aBadCredentialNameIsTheEnginesCodeAndMessage() {
        assertThatThrownBy(() -> client.credentials().push("bad name!", Secret.of("v")))
                .isInstanceOfSatisfying(EngineApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_credential");
                    assertThat(e.engineMessage()).contains("name must be");
                });
    }

    @Test
    void servicesListAndRecipeUseTheRealShapes() {
        List<ServiceSummary> services = client.services().list();
        assertThat(services).hasSizeGreaterThanOrEqualTo(20);
        ServiceSummary openai = services.stream().filter(s -> s.service().equals("openai")).findFirst().orElseThrow();
        assertThat(openai.requiredSecrets()).extracting(RequiredSecret::key).containsExactly("openai_api_key");

        Recipe recipe = client.services().recipe("openai");
        assertThat(recipe.inject().header()).containsEntry("Authorization", "Bearer {{openai_api_key}}");
        assertThat(recipe.hosts()).containsExactly("api.openai.com");
        assertThat(recipe.test().url()).startsWith("https://api.openai.com/");

        assertThatThrownBy(() -> client.services().recipe("no_such_service"))
                .isInstanceOfSatisfying(EngineApiException.NotFound.class, e -> assertThat(e.code()).isEqualTo("recipe_not_found"));
    }

    @Test
    void setupMapsShortAndFullKeysAndRefusesUnknownOnesBeforeSending() {
        assertThat(client.services().setup("openai", Map.of("api_key", Secret.of("sk-test-dummy")))).containsExactly("openai_api_key");
        assertThat(client.services().setup("anthropic", Map.of("anthropic_api_key", Secret.of("sk-ant-dummy"))))
                .containsExactly("anthropic_api_key");
        assertThat(client.credentials().list()).extracting(CredentialInfo::name).contains("openai_api_key", "anthropic_api_key");

        assertThatThrownBy(() -> client.services().setup("github", Map.of("password", Secret.of("hunter2"))))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("'password' is not a secret of github")
                .hasMessageNotContaining("hunter2");
        assertThat(client.credentials().list()).extracting(CredentialInfo::name).noneMatch(n -> n.startsWith("github_"));
    }

    /**
     * The proof that the client's encryption is the engine's: the engine decrypts the pushed credential and injects
     * it into a request to a server of ours, which is one of the recipe's hosts; the value shows in no answer.
     */
    @Test
    void aPushedCredentialReachesOnlyItsHostAndNeverComesBack() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/hook", ex -> {
            received.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        try {
            int port = target.getAddress().getPort();
            // The engine refuses loopback addresses to workflows unless its owner allows them; this server is one.
            client.engineSettings().allowPrivateHost(HostPort.parse("127.0.0.1:" + port).orElseThrow());
            client.services().put("ittest", json("""
                    {"service":"ittest","display_name":"IT test","required_secrets":[{"key":"ittest_token","label":"Token"}],
                     "inject":{"header":{"Authorization":"Bearer {{ittest_token}}"}},"hosts":["127.0.0.1:%d"],
                     "test":{"method":"GET","url":"http://127.0.0.1:%d/hook"}}""".formatted(port, port)));
            ServiceTestResult before = client.services().test("ittest");
            assertThat(before.success()).isFalse();
            assertThat(before.status()).isNull();
            assertThat(before.error().code()).isNotBlank();
            assertThat(received).as("nothing is sent without the credential").isEmpty();

            String secret = "tok-" + System.nanoTime();
            client.services().setup("ittest", Map.of("token", Secret.of(secret)));
            ServiceTestResult tested = client.services().test("ittest");
            assertThat(tested.success()).isTrue();
            assertThat(tested.status()).isEqualTo(200);
            assertThat(received).containsExactly("Bearer " + secret);
            received.clear();
            client.workflows().push(json("""
                    {"name":"it-inject","steps":[{"id":"call","component":"http_request","service":"ittest",
                      "input":{"method":"GET","url":"http://127.0.0.1:%d/hook"}}]}""".formatted(port)));

            RunResult ok = client.workflows().run("it-inject", null);
            assertThat(ok.success()).as(String.valueOf(ok.error())).isTrue();
            assertThat(received).containsExactly("Bearer " + secret);
            assertThat(M.writeValueAsString(ok)).doesNotContain(secret);
            assertThat(M.writeValueAsString(client.runs().get(ok.runId()))).doesNotContain(secret);

            client.workflows().push(json("""
                    {"name":"it-elsewhere","steps":[{"id":"call","component":"http_request","service":"ittest",
                      "input":{"method":"GET","url":"http://localhost:%d/hook"}}]}""".formatted(port)));
            RunResult refused = client.workflows().run("it-elsewhere", null);
            assertThat(refused.success()).isFalse();
            assertThat(refused.trace()).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(StepStatus.ERROR);
                assertThat(s.error().code()).isEqualTo("host_not_allowed");
            });
            assertThat(received).hasSize(1);
        } finally {
            target.stop(0);
        }
    }

    @Test
    void workflowsPushListGetRunAndRuns() throws IOException {
        JsonNode hello = M.readTree(Files.readString(Path.of("../engine/examples/hello.json")));
        assertThat(client.workflows().push(hello)).isEqualTo("hello");

        assertThat(client.workflows().list()).anySatisfy(w -> {
            assertThat(w.name()).isEqualTo("hello");
            assertThat(w.steps()).isEqualTo(3);
            assertThat(w.updatedAt()).isNotNull();
        });
        assertThat(client.workflows().get("hello").path("steps")).hasSize(3);

        RunResult run = client.workflows().run("hello", json("{\"name\":\"Ada\"}"));
        assertThat(run.success()).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.OK);
        assertThat(run.runId()).isNotBlank();
        assertThat(run.output().path("greeting").asText()).isEqualTo("Hello, Ada!");
        assertThat(run.trace()).extracting(TraceStep::step).containsExactly("greet", "shout", "count");
        assertThat(run.trace()).extracting(TraceStep::component).containsExactly("template", "text_upper", "word_count");
        assertThat(run.trace()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.OK);
            assertThat(s.startedAt()).isNotNull();
            assertThat(s.durationMs()).isNotNegative();
            assertThat(s.error()).isNull();
        });

        RunRecord stored = client.runs().get(run.runId());
        assertThat(stored.workflow()).isEqualTo("hello");
        assertThat(stored.input().path("name").asText()).isEqualTo("Ada");
        assertThat(stored.trace()).isEqualTo(run.trace());
        assertThat(client.runs().list("hello")).extracting(RunSummary::runId).contains(run.runId());
        assertThat(client.runs().list(null)).extracting(RunSummary::runId).contains(run.runId());
        assertThatThrownBy(() -> client.runs().get("run_nope")).isInstanceOf(EngineApiException.NotFound.class);
    }

    @Test
    void listsComeInPagesAndTheClientFollowsThemToTheEnd() {
        for (String name : List.of("pg-a", "pg-b", "pg-c")) {
            client.workflows().push(json("""
                    {"name":"%s","steps":[{"id":"a","component":"template","input":{"template":"{{input.i}}"}}]}""".formatted(name)));
        }
        Page<WorkflowSummary> first = client.workflows().page(1, null, "pg-");
        assertThat(first.items()).extracting(WorkflowSummary::name).containsExactly("pg-a");
        assertThat(first.hasMore()).isTrue();
        assertThat(client.workflows().page(1, first.cursor(), "pg-").items()).extracting(WorkflowSummary::name).containsExactly("pg-b");
        assertThat(client.workflows().all(1, "pg-")).extracting(WorkflowSummary::name).containsExactly("pg-a", "pg-b", "pg-c");
        assertThat(client.workflows().list()).extracting(WorkflowSummary::name).contains("pg-a", "pg-b", "pg-c");

        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) ids.addFirst(client.workflows().run("pg-a", json("{\"i\":" + i + "}")).runId());
        Page<RunSummary> latest = client.runs().page("pg-a", 2, null);
        assertThat(latest.items()).extracting(RunSummary::runId).containsExactly(ids.get(0), ids.get(1));
        assertThat(latest.hasMore()).isTrue();
        assertThat(client.runs().all("pg-a", 1)).extracting(RunSummary::runId).as("newest first, to the oldest").containsExactlyElementsOf(ids);
    }

    @Test
    void aFailingStepIsAResultWithTheTraceNotAnException() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        client.workflows().push(json("""
                {"name":"it-fails","steps":[
                  {"id":"first","component":"template","input":{"template":"hi"}},
                  {"id":"call","component":"http_request","input":{"url":"http://127.0.0.1:%d/"}},
                  {"id":"never","component":"template","input":{"template":"no"}}]}""".formatted(closed)));
        RunResult r = client.workflows().run("it-fails", null);
        assertThat(r.success()).isFalse();
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.error().step()).isEqualTo("call");
        assertThat(r.trace()).extracting(TraceStep::status).containsExactly(StepStatus.OK, StepStatus.ERROR);
        assertThat(r.trace().get(1).error().message()).isNotBlank();
        assertThat(client.runs().get(r.runId()).status()).isEqualTo(RunStatus.ERROR);
    }

    @Test
    void aMalformedWorkflowIsRefusedWithTheReason() {
        assertThatThrownBy(() -> client.workflows().push(json("{\"name\":\"it-bad\",\"steps\":[]}")))
                .isInstanceOfSatisfying(EngineApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_workflow");
                    assertThat(e.getMessage()).contains("steps must be a non-empty list");
                });
        assertThatThrownBy(() -> client.workflows().push(json("{\"steps\":[]}")))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("no name");
    }

    @Test
    void deleteAWorkflow() {
        client.workflows().push(json("{\"name\":\"it-gone\",\"steps\":[{\"id\":\"a\",\"component\":\"template\",\"input\":{\"template\":\"x\"}}]}"));
        client.workflows().delete("it-gone");
        assertThat(client.workflows().list()).extracting(WorkflowSummary::name).doesNotContain("it-gone");
        assertThatThrownBy(() -> client.workflows().get("it-gone")).isInstanceOfSatisfying(EngineApiException.NotFound.class,
                e -> assertThat(e.code()).isEqualTo("workflow_not_found"));
        assertThatThrownBy(() -> client.workflows().run("it-gone", null)).isInstanceOf(EngineApiException.NotFound.class);
    }

    @Test
    void componentsAndApiRecipes() {
        assertThat(client.components()).extracting(c -> c.path("canonical_id").asText()).contains("template", "text_upper");
        assertThat(client.apiRecipes()).extracting(r -> r.path("id").asText()).contains("telegram_send", "gmail_send");
    }
}
