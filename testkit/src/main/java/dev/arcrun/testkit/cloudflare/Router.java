package dev.arcrun.testkit.cloudflare;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Matches method + path against the registered routes; literal segments win over placeholders. */
public final class Router {

    public record Match(Route route, Map<String, String> pathParams) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /**
     * Adds a route. Between routes of the same shape the one added last wins, so a group registered later (e.g.
     * the worker-deploy endpoints wrangler needs) can replace a minimal handler of an earlier group.
     */
    public Router add(Route route) {
        routes.addFirst(route);
        return this;
    }

    public Router get(String template, Access access, String permissionKey, Route.Handler handler) {
        return add(new Route("GET", template, access, permissionKey, handler));
    }

    public Router post(String template, Access access, String permissionKey, Route.Handler handler) {
        return add(new Route("POST", template, access, permissionKey, handler));
    }

    public Router put(String template, Access access, String permissionKey, Route.Handler handler) {
        return add(new Route("PUT", template, access, permissionKey, handler));
    }

    public Router delete(String template, Access access, String permissionKey, Route.Handler handler) {
        return add(new Route("DELETE", template, access, permissionKey, handler));
    }

    /** @param rawPath the raw (still percent-encoded) path below /client/v4 */
    public Optional<Match> match(String method, String rawPath) {
        List<String> actual = split(rawPath);
        return routes.stream()
                .filter(r -> r.method().equalsIgnoreCase(method))
                .sorted(Comparator.comparingLong(Route::literalSegments).reversed())
                .map(r -> bind(r, actual))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Match> bind(Route route, List<String> actual) {
        List<String> pattern = route.segments();
        if (pattern.size() != actual.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            String decoded = URLDecoder.decode(actual.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), decoded);
            } else if (!p.equals(decoded)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(route, params));
    }

    static List<String> split(String path) {
        return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
    }
}
