package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One JSON request to the engine: adds the bearer key, applies the timeout, and turns every failure into an
 * {@link EngineException} whose message is free of secrets.
 */
final class EngineHttp {
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Numeric timestamps from the engine are JavaScript milliseconds (Date.now()).
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    static {
        // The engine lists "" for a time it does not know (old KV metadata): that is no time, not an error.
        JSON.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    private final EngineSettings settings;
    private final HttpClient client;
    private final Duration timeout;

    EngineHttp(EngineSettings settings, HttpClient client, Duration timeout) {
        this.settings = settings;
        this.client = client;
        this.timeout = timeout;
    }

    EngineSettings settings() {
        return settings;
    }

    Duration timeout() {
        return timeout;
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path, boolean auth) {
        return send("GET", path, null, auth, timeout);
    }

    JsonNode send(String method, String path, Object body, boolean auth) {
        return send(method, path, body, auth, timeout);
    }

    JsonNode send(String method, String path, Object body, boolean auth, Duration timeout) {
        return send(method, path, body, auth, timeout, b -> false);
    }

    /** @param result bodies that are a result even with an error status or {@code success:false} (a failed run) */
    JsonNode send(String method, String path, Object body, boolean auth, Duration timeout, Predicate<JsonNode> result) {
        URI uri = URI.create(settings.url() + path);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (auth) {
            req.header("Authorization", "Bearer " + settings.requireApiKey().reveal());
        }
        if (body != null) {
            req.header("Content-Type", "application/json");
            req.method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String what = method + " " + path;
        HttpResponse<byte[]> resp;
        try {
            resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            if (timeout.compareTo(EngineClient.CONNECT_TIMEOUT) < 0) {
                // the request's own, shorter, deadline ran out while connecting (a busy machine): say that one
                throw new EngineTimeoutException(settings.url(), words(what), timeout);
            }
            throw new EngineUnreachableException(settings.url(), "no connection within " + EngineTimeoutException.human(EngineClient.CONNECT_TIMEOUT));
        } catch (HttpTimeoutException e) {
            throw new EngineTimeoutException(settings.url(), words(what), timeout);
        } catch (IOException e) {
            if (refusedOrUnknown(e)) {
                throw new EngineUnreachableException(settings.url(), why(e));
            }
            // Connected, then the answer broke off: the runtime stopped under the request (killed, crashed).
            throw new EngineUnavailableException(settings.url(), EngineUnavailableException.Reason.STOPPED, 0, words(what));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineTimeoutException(settings.url(), words(what) + " (interrupted)", timeout);
        }
        return read(resp, what, result);
    }

    private JsonNode read(HttpResponse<byte[]> resp, String what, Predicate<JsonNode> result) {
        int status = resp.statusCode();
        JsonNode body = parse(resp.body());
        if (status >= 500 && !body.isObject()) {
            // wrangler/miniflare answer a dead or crashed worker with a plain-text stack, a proxy with HTML: neither
            // is the engine speaking, and neither is shown.
            throw new EngineUnavailableException(settings.url(), EngineUnavailableException.Reason.NOT_AN_API_ANSWER, status, words(what));
        }
        if (status != 401 && result.test(body)) {
            return body;
        }
        JsonNode error = body.path("error");
        boolean failed = status >= 400 || body.path("success").asBoolean(true) == false;
        if (!failed) {
            if (body.isMissingNode()) {
                throw apiError(status, "BAD_RESPONSE", "the engine's answer when " + words(what) + " is not JSON", what);
            }
            return body;
        }
        String code = error.path("code").asText("");
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (code.isBlank()) {
            code = "HTTP_" + status;
        }
        if (message.isBlank()) {
            message = "HTTP " + status + " without an error message";
        }
        throw apiError(status, code, redact(stripPeriod(message)), what);
    }

    private EngineApiException apiError(int status, String code, String message, String what) {
        return switch (status) {
            case 401 -> new EngineApiException.ApiKeyRejected(code, message, settings.url());
            case 404 -> new EngineApiException.NotFound(code, message, "The engine found nothing when " + words(what) + ": " + message + ".");
            case 409 -> new EngineApiException.Conflict(code, message, "The engine refused " + words(what) + ": " + message + ".",
                    what.endsWith("/register") ? "The keys were handed out already; use the keys the engine gave (" + Arcrun.ENV_API_KEY + ")."
                            : "Look at the current state with the lists and try again.");
            default -> new EngineApiException(status, code, message,
                    "The engine refused " + words(what) + " (" + code + "): " + message + ".", adviceFor(status));
        };
    }

    /**
     * A request in words for messages ("GET /workflows/x" → "reading workflows"): people act on commands and
     * names, not on HTTP routes.
     */
    static String words(String what) {
        String[] parts = what.split(" ", 2);
        String method = parts[0];
        String path = parts.length > 1 ? parts[1] : "";
        String[] seg = path.replaceFirst("^/", "").split("[/?]");
        String noun = switch (seg[0]) {
            case "health" -> "the health check";
            case "register" -> "registering for the keys";
            case "credentials" -> "credentials";
            case "auth" -> path.endsWith("/test") ? "a service's test call" : "services";
            case "api" -> "API recipes";
            case "workflows" -> path.endsWith("/run") ? "running a workflow" : "workflows";
            case "runs" -> "runs";
            case "webhooks" -> path.contains("/trigger") ? "running a workflow" : "workflows"; // named workflows live there
            case "components" -> "components";
            default -> "the engine's API";
        };
        if (noun.startsWith("the health") || noun.startsWith("registering") || noun.startsWith("running")
                || noun.startsWith("a service")) {
            return noun;
        }
        String verb = switch (method) {
            case "GET" -> "reading";
            case "DELETE" -> "deleting";
            default -> "saving";
        };
        return verb + " " + noun;
    }

    /** Engine messages are sentences; ours wrap them in another, so their final period goes. */
    private static String stripPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String adviceFor(int status) {
        if (status == 400 || status == 422) {
            return "Fix the request as the message says and try again.";
        }
        if (status >= 500) {
            return "This is the engine's fault; try again, and look at its log if it keeps failing.";
        }
        return "";
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? NullNode.getInstance() : n;
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the request as JSON: " + e.getMessage(), e);
        }
    }

    /** Keys must not come back through an error message, whatever the engine put in it. */
    private String redact(String s) {
        String out = s;
        List<Secret> secrets = new ArrayList<>();
        if (settings.apiKey() != null) {
            secrets.add(settings.apiKey());
        }
        if (settings.encryptionKey() != null) {
            secrets.add(settings.encryptionKey());
        }
        for (Secret secret : secrets) {
            out = out.replace(secret.reveal(), "***");
        }
        return out;
    }

    /** Nothing was ever connected: refused, unknown host, or no secure connection. */
    private static boolean refusedOrUnknown(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String why(IOException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            t = t.getCause();
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "the secure connection failed";
        }
        // never a Java class name: a person cannot act on "ConnectException"
        return e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
    }
}
