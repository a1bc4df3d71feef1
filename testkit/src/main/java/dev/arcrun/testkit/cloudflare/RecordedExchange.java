package dev.arcrun.testkit.cloudflare;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the stand-in received and what it answered.
 *
 * @param uri         the request's path and query exactly as sent (still percent-encoded)
 * @param status      the HTTP status answered, or -1 when the connection was dropped
 * @param fault       the injected fault that produced the answer, or null
 * @param violations  contract violations found in this exchange (empty when valid or outside the contract)
 */
public record RecordedExchange(Instant at, String method, String uri, Map<String, List<String>> requestHeaders,
                               byte[] requestBody, int status, byte[] responseBody, Faults.Fault fault,
                               List<String> violations) {

    /** The path below /client/v4, without the query. */
    public String path() {
        String p = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return p.startsWith(CloudflareStandIn.API_PREFIX) ? p.substring(CloudflareStandIn.API_PREFIX.length()) : p;
    }

    public String requestBodyText() {
        return new String(requestBody, StandardCharsets.UTF_8);
    }

    public String responseBodyText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status + (fault == null ? "" : " (" + fault + ")");
    }
}
