package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * arcrun's Java SDK for the engine's HTTP API ({@code engine/openapi.yaml}). Thread-safe; one per engine.
 * Failures are {@link EngineException}s (or {@link ArcrunException}s for bad input) that carry the engine's code
 * and message and never a key or credential value. Make one with {@link Arcrun#connect} or {@link Arcrun#fromEnvironment}.
 */
public final class EngineClient implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Runs call other services, so they get longer than a plain request. */
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient httpClient;
    private final EngineHttp http;
    private final CredentialsApi credentials;
    private final ServicesApi services;
    private final WorkflowsApi workflows;
    private final RunsApi runs;
    private final SettingsApi engineSettings;

    public EngineClient(EngineSettings settings, Duration requestTimeout, Duration runTimeout) {
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // A redirect would carry the bearer key to wherever it points; the engine never redirects.
                .followRedirects(HttpClient.Redirect.NEVER)
                // over plain http (the engine on this computer) HTTP/2 would only mean an h2c upgrade on every request
                .version("http".equalsIgnoreCase(settings.apiUrl().getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
        this.http = new EngineHttp(settings, httpClient, requestTimeout);
        this.credentials = new CredentialsApi(http);
        this.services = new ServicesApi(http, credentials);
        this.workflows = new WorkflowsApi(http, runTimeout);
        this.runs = new RunsApi(http);
        this.engineSettings = new SettingsApi(http);
    }

    public static EngineClient create(EngineSettings settings) {
        return new EngineClient(settings, REQUEST_TIMEOUT, RUN_TIMEOUT);
    }

    public EngineSettings settings() {
        return http.settings();
    }

    /** {@code GET /health}: needs no key. */
    public Health health() {
        return Json.as(http.get("/health", false), Health.class, "GET /health");
    }

    /**
     * {@code POST /register}: on a bare engine (no keys set) the first call gets the keys; later calls are refused
     * with {@link EngineApiException.Conflict}. Store the keys at once: they are not shown again.
     */
    public Registration register() {
        JsonNode body = http.send("POST", "/register", null, false);
        Secret apiKey = Secret.ofNullable(body.path("api_key").asText(null));
        Secret encKey = Secret.ofNullable(body.path("encryption_key").asText(null));
        if (apiKey == null || encKey == null) {
            throw new ArcrunException(ArcrunException.Kind.ANSWER_UNKNOWN, "", "The engine's answer to POST /register has no keys.",
                    "Use an SDK and an engine of the same version.");
        }
        return new Registration(apiKey, encKey);
    }

    public CredentialsApi credentials() {
        return credentials;
    }

    public ServicesApi services() {
        return services;
    }

    public WorkflowsApi workflows() {
        return workflows;
    }

    public RunsApi runs() {
        return runs;
    }

    /** The engine's own settings ({@code /settings}); {@link #settings()} is where this client connects. */
    public SettingsApi engineSettings() {
        return engineSettings;
    }

    /** {@code GET /api-recipes}: the raw recipe documents. */
    public List<JsonNode> apiRecipes() {
        return Pages.all(cursor -> Json.pageOf(http.get(Pages.query("/api-recipes", null, cursor, null), true), "recipes",
                JsonNode.class, "GET /api-recipes"));
    }

    /** {@code PUT /api-recipes/{id}} (seeding). */
    public void putApiRecipe(String id, JsonNode recipe) {
        http.send("PUT", "/api-recipes/" + EngineHttp.segment(id), recipe, true);
    }

    /** {@code GET /components}: the component contracts. */
    public List<JsonNode> components() {
        return Pages.all(cursor -> Json.pageOf(http.get(Pages.query("/components", null, cursor, null), true), "components",
                JsonNode.class, "GET /components"));
    }

    /**
     * {@code GET /settings}: the {@code host:port} pairs on loopback or private addresses that workflows may reach
     * (every other such address is refused).
     */
    public List<String> allowPrivateHosts() {
        return hosts(http.get("/settings", true));
    }

    /** {@code PUT /settings}: replaces that list; the engine refuses an entry that is not a {@code host:port}. */
    public List<String> setAllowPrivateHosts(List<String> hostPorts) {
        return hosts(http.send("PUT", "/settings", java.util.Map.of("allow_private_hosts", List.copyOf(hostPorts)), true));
    }

    private static List<String> hosts(JsonNode body) {
        List<String> out = new java.util.ArrayList<>();
        Json.unwrap(body, "settings").path("allow_private_hosts").forEach(h -> out.add(h.asText()));
        return List.copyOf(out);
    }

    /** Releases the HTTP client's connections and thread. */
    @Override
    public void close() {
        httpClient.close();
    }

    @Override
    public String toString() {
        return "EngineClient[" + http.settings().url() + "]";
    }
}
