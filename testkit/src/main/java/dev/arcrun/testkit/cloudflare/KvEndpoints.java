package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workers KV: namespaces (list, create, get, rename, delete), bulk write/delete, keys and values. */
final class KvEndpoints implements EndpointGroup {

    /** Cloudflare's documented limits for one bulk request. */
    static final int BULK_MAX_PAIRS = 10_000;
    static final long BULK_MAX_BYTES = 100L * 1024 * 1024;

    private static final String NS = "/accounts/{account_id}/storage/kv/namespaces";
    private static final String KEY = "com.cloudflare.edge.storage.kv.";

    private final StandInState state;

    KvEndpoints(StandInState state) {
        this.state = state;
    }

    @Override
    public void register(Router r) {
        r.get(NS, Access.ACCOUNT, KEY + "namespace.list", this::list);
        r.post(NS, Access.ACCOUNT, KEY + "namespace.create", this::create);
        r.get(NS + "/{namespace_id}", Access.ACCOUNT, KEY + "namespace.read", this::get);
        r.put(NS + "/{namespace_id}", Access.ACCOUNT, KEY + "namespace.delete", this::rename);
        r.delete(NS + "/{namespace_id}", Access.ACCOUNT, KEY + "namespace.delete", this::remove);
        r.put(NS + "/{namespace_id}/bulk", Access.ACCOUNT, KEY + "key.update", this::bulkWrite);
        r.delete(NS + "/{namespace_id}/bulk", Access.ACCOUNT, KEY + "key.delete", this::bulkDelete);
        r.get(NS + "/{namespace_id}/keys", Access.ACCOUNT, KEY + "key.list", this::keys);
        r.get(NS + "/{namespace_id}/values/{key_name}", Access.ACCOUNT, KEY + "key.read", this::readValue);
        r.put(NS + "/{namespace_id}/values/{key_name}", Access.ACCOUNT, KEY + "key.update", this::writeValue);
        r.delete(NS + "/{namespace_id}/values/{key_name}", Access.ACCOUNT, KEY + "key.delete", this::deleteValue);
    }

    private ApiResponse list(ApiRequest req) {
        List<StandInState.Namespace> all = new ArrayList<>(state.namespaces(req.pathParam("account_id")));
        Optional<String> order = req.queryParam("order");
        if (order.isPresent()) {
            Comparator<StandInState.Namespace> c = order.get().equals("title")
                    ? Comparator.comparing(StandInState.Namespace::title)
                    : Comparator.comparing(StandInState.Namespace::id);
            all.sort(req.queryParam("direction").filter("desc"::equals).isPresent() ? c.reversed() : c);
        }
        return Pages.of(req, all, 20, 100, (ns, arr) -> render(ns, arr.addObject()));
    }

    private ApiResponse create(ApiRequest req) {
        String title = title(req);
        return state.createNamespace(req.pathParam("account_id"), title)
                .map(ns -> ApiResponse.success(render(ns, ApiResponse.JSON.createObjectNode())))
                .orElseGet(() -> ApiResponse.failure(400, 10014,
                        "a namespace with this account ID and title already exists"));
    }

    private ApiResponse get(ApiRequest req) {
        return namespace(req).map(ns -> ApiResponse.success(render(ns, ApiResponse.JSON.createObjectNode())))
                .orElseGet(KvEndpoints::namespaceNotFound);
    }

    private ApiResponse rename(ApiRequest req) {
        String title = title(req);
        String account = req.pathParam("account_id");
        if (state.namespaceByTitle(account, title).isPresent()) {
            return ApiResponse.failure(400, 10014, "a namespace with this account ID and title already exists");
        }
        return state.renameNamespace(account, req.pathParam("namespace_id"), title)
                ? ApiResponse.success(null) : namespaceNotFound();
    }

    private ApiResponse remove(ApiRequest req) {
        return state.deleteNamespace(req.pathParam("account_id"), req.pathParam("namespace_id"))
                ? ApiResponse.success(null) : namespaceNotFound();
    }

    private ApiResponse bulkWrite(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        if (req.body().length > BULK_MAX_BYTES) {
            return ApiResponse.failure(413, 10031, "bulk request is larger than 100 MB");
        }
        JsonNode arr = json(req);
        if (!arr.isArray()) {
            throw new CloudflareStandIn.BadRequest(10026, "bulk write body must be an array");
        }
        if (arr.size() > BULK_MAX_PAIRS) {
            return ApiResponse.failure(400, 10030, "too many key-value pairs in one bulk request (max 10000)");
        }
        Map<String, StandInState.KvEntry> entries = ns.get().entries();
        synchronized (state) {
            for (JsonNode pair : arr) {
                String value = pair.path("value").asText();
                byte[] bytes = pair.path("base64").asBoolean(false) ? Base64.getDecoder().decode(value)
                        : value.getBytes(StandardCharsets.UTF_8);
                String metadata = pair.has("metadata") ? pair.get("metadata").toString() : null;
                Long exp = pair.has("expiration") ? pair.get("expiration").asLong() : null;
                entries.put(pair.path("key").asText(), new StandInState.KvEntry(bytes, metadata, exp));
            }
        }
        return ApiResponse.success(null);
    }

    private ApiResponse bulkDelete(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        synchronized (state) {
            json(req).forEach(k -> ns.get().entries().remove(k.asText()));
        }
        return ApiResponse.success(null);
    }

    private ApiResponse keys(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        int limit = Math.min(1000, Math.max(10, req.intQueryParam("limit", 1000)));
        String prefix = req.queryParam("prefix").orElse("");
        int offset = req.queryParam("cursor").filter(c -> !c.isEmpty())
                .map(c -> Integer.parseInt(new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8)))
                .orElse(0);
        List<String> names;
        synchronized (state) {
            names = ns.get().entries().keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        }
        int to = Math.min(names.size(), offset + limit);
        ArrayNode result = ApiResponse.JSON.createArrayNode();
        for (String name : names.subList(Math.min(offset, to), to)) {
            result.addObject().put("name", name);
        }
        ObjectNode info = ApiResponse.JSON.createObjectNode();
        info.put("count", result.size());
        info.put("cursor", to < names.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        Integer.toString(to).getBytes(StandardCharsets.UTF_8)) : "");
        return ApiResponse.list(result, info);
    }

    private ApiResponse readValue(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        StandInState.KvEntry e;
        synchronized (state) {
            e = ns.get().entries().get(req.pathParam("key_name"));
        }
        return e == null ? ApiResponse.failure(404, 10009, "get: 'key not found'")
                : ApiResponse.bytes(200, "application/octet-stream", e.value());
    }

    private ApiResponse writeValue(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        synchronized (state) {
            ns.get().entries().put(req.pathParam("key_name"), new StandInState.KvEntry(req.body(), null, null));
        }
        return ApiResponse.success(null);
    }

    private ApiResponse deleteValue(ApiRequest req) {
        Optional<StandInState.Namespace> ns = namespace(req);
        if (ns.isEmpty()) {
            return namespaceNotFound();
        }
        synchronized (state) {
            ns.get().entries().remove(req.pathParam("key_name"));
        }
        return ApiResponse.success(null);
    }

    private Optional<StandInState.Namespace> namespace(ApiRequest req) {
        return state.namespace(req.pathParam("account_id"), req.pathParam("namespace_id"));
    }

    private static ApiResponse namespaceNotFound() {
        return ApiResponse.failure(404, 10013, "get namespace: 'namespace not found'");
    }

    private static ObjectNode render(StandInState.Namespace ns, ObjectNode o) {
        o.put("id", ns.id());
        o.put("title", ns.title());
        o.put("supports_url_encoding", true);
        return o;
    }

    private static String title(ApiRequest req) {
        String title = json(req).path("title").asText("");
        if (title.isBlank()) {
            throw new CloudflareStandIn.BadRequest(10019, "create namespace: 'title' is required");
        }
        return title;
    }

    private static JsonNode json(ApiRequest req) {
        try {
            return ApiResponse.JSON.readTree(req.body());
        } catch (IOException e) {
            throw new CloudflareStandIn.BadRequest(10026, "could not parse request body as JSON");
        }
    }
}
