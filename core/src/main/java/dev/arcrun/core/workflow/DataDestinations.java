package dev.arcrun.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a workflow sends data outside the engine, read from its steps before it is stored: an {@code http_request}
 * step's URL, or the request URL of the API recipe a step uses. A URL whose host is filled in by a template is
 * decided only at run time, and is reported as such rather than guessed.
 */
public final class DataDestinations {
    private static final String TEMPLATE = "{{";

    /**
     * One step that sends data out.
     *
     * @param host    the host (with its port when not the scheme's default), or null when decided at run time
     * @param address the URL as written, for a step whose host is decided at run time
     * @param service the auth recipe whose credential the step may carry, or null
     */
    public record Destination(String step, String component, String host, String address, String service) {
        public boolean decidedAtRunTime() {
            return host == null;
        }
    }

    private DataDestinations() {}

    /**
     * @param workflow   the workflow document ({@code steps: [...]})
     * @param apiRecipes the engine's API recipes by id, as {@code GET /api-recipes} lists them
     */
    public static List<Destination> of(JsonNode workflow, Map<String, JsonNode> apiRecipes) {
        List<Destination> out = new ArrayList<>();
        for (JsonNode step : workflow.path("steps")) {
            String component = step.path("component").asText("");
            String id = step.path("id").asText("");
            String service = step.hasNonNull("service") ? step.get("service").asText() : null;
            JsonNode url;
            if (component.equals("http_request")) {
                url = step.path("input").path("url");
            } else if (apiRecipes.containsKey(component)) {
                JsonNode recipe = apiRecipes.get(component);
                url = recipe.path("request").path("url");
                service = service != null ? service : recipe.path("service").asText(null);
            } else {
                continue; // template, pick, if and WASM components run inside the engine
            }
            String text = url.isTextual() ? url.asText() : "";
            String host = hostOf(text);
            if (host == null && !text.contains(TEMPLATE)) {
                continue; // not an address at all: the step fails at run time and sends nothing
            }
            out.add(new Destination(id, component, host, host == null ? text : null, service));
        }
        return List.copyOf(out);
    }

    /** The distinct hosts, in the order the steps name them. */
    public static List<String> hosts(List<Destination> all) {
        return all.stream().filter(d -> !d.decidedAtRunTime()).map(Destination::host).distinct().toList();
    }

    /** The host of a URL written in full, or null when a template decides it (or it is not a URL at all). */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int end = scheme + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(0, end);
        if (authority.contains(TEMPLATE)) {
            return null;
        }
        try {
            URI uri = new URI(authority);
            if (uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
