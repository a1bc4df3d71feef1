package dev.arcrun.testkit.cloudflare;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as an endpoint handler sees it: the path below {@code /client/v4}, the values bound to the route
 * template's {@code {placeholders}}, the decoded query and the body.
 *
 * @param token the stand-in's record of the bearer token, empty when the request carried none or an unknown one
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
                         Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
                         Optional<StandInToken> token) {

    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no {" + name + "}");
        }
        return v;
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public int intQueryParam(String name, int fallback) {
        return queryParam(name).map(v -> (int) Double.parseDouble(v)).orElse(fallback);
    }

    public Optional<String> header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
