package dev.arcrun.core.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small JSON client for the engine's API in tests: every answer keeps its status and raw text, and is checked
 * against engine/openapi.yaml, so the documented shapes are the real ones.
 */
final class EngineClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator SPEC = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("../engine/openapi.yaml").toAbsolutePath().toUri().toString()).build();

    record Answer(int status, String text, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    EngineClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    EngineClient withKey(String key) {
        return new EngineClient(baseUrl, key);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    private static void checkAgainstSpec(String method, String path, HttpResponse<String> response) {
        SimpleResponse.Builder r = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("content-type").ifPresent(ct -> r.withContentType(ct.split(";")[0]));
        ValidationReport report = SPEC.validateResponse(path.split("\\?")[0], Request.Method.valueOf(method), r.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode()
                    + " outside engine/openapi.yaml: " + report.getMessages() + "\n" + response.body());
        }
    }

    Answer send(String method, String path, Object body) {
        return send(method, path, body, true);
    }

    /** For routes and methods the API does not have: the spec has nothing to check them against. */
    Answer sendOutsideSpec(String method, String path, Object body) {
        return send(method, path, body, false);
    }

    private Answer send(String method, String path, Object body, boolean checkSpec) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
            if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            b.method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null) b.header("content-type", "application/json");
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            if (checkSpec) checkAgainstSpec(method, path, response);
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
