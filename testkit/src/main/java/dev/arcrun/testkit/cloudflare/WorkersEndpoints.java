package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The workers.dev subdomain (get, register) and worker scripts (list, get, upload, delete; minimal). */
final class WorkersEndpoints implements EndpointGroup {

    private static final String KEY = "com.cloudflare.edge.worker.";
    private static final Pattern SUBDOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final StandInState state;

    WorkersEndpoints(StandInState state) {
        this.state = state;
    }

    @Override
    public void register(Router r) {
        String sub = "/accounts/{account_id}/workers/subdomain";
        r.get(sub, Access.ACCOUNT, KEY + "cron.subdomain.read", this::getSubdomain);
        r.put(sub, Access.ACCOUNT, KEY + "cron.subdomain.create", this::putSubdomain);
        String scripts = "/accounts/{account_id}/workers/scripts";
        r.get(scripts, Access.ACCOUNT, KEY + "script.list", this::listScripts);
        r.get(scripts + "/{script_name}", Access.ACCOUNT, KEY + "script.read", this::getScript);
        r.put(scripts + "/{script_name}", Access.ACCOUNT, KEY + "script.create", this::putScript);
        r.delete(scripts + "/{script_name}", Access.ACCOUNT, KEY + "script.delete", this::deleteScript);
    }

    /** Cloudflare answers {@code {"result": {"subdomain": "name"}}}; code 10007 when the account has none. */
    private ApiResponse getSubdomain(ApiRequest req) {
        return state.subdomain(req.pathParam("account_id"))
                .map(WorkersEndpoints::subdomainResult)
                .orElseGet(() -> ApiResponse.failure(404, 10007, "This account does not have a workers.dev subdomain."));
    }

    private ApiResponse putSubdomain(ApiRequest req) {
        String name;
        try {
            JsonNode body = ApiResponse.JSON.readTree(req.body());
            name = body.path("subdomain").asText("");
        } catch (IOException e) {
            throw new CloudflareStandIn.BadRequest(10026, "could not parse request body as JSON");
        }
        if (!SUBDOMAIN.matcher(name).matches()) {
            return ApiResponse.failure(400, 10032, "The subdomain name is not valid.");
        }
        state.setSubdomain(req.pathParam("account_id"), name);
        return subdomainResult(name);
    }

    private static ApiResponse subdomainResult(String name) {
        ObjectNode result = ApiResponse.JSON.createObjectNode();
        result.put("subdomain", name);
        return ApiResponse.success(result);
    }

    private ApiResponse listScripts(ApiRequest req) {
        ArrayNode result = ApiResponse.JSON.createArrayNode();
        state.scripts(req.pathParam("account_id")).forEach(s -> render(s, result.addObject()));
        return ApiResponse.success(result);
    }

    private ApiResponse getScript(ApiRequest req) {
        return state.script(req.pathParam("account_id"), req.pathParam("script_name"))
                .map(s -> ApiResponse.bytes(200, s.contentType(), s.content()))
                .orElseGet(WorkersEndpoints::scriptNotFound);
    }

    /** Stores the raw upload (multipart or plain script); enough for get/delete round trips. */
    private ApiResponse putScript(ApiRequest req) {
        String contentType = req.header("Content-Type").orElse("application/javascript");
        StandInState.Script s = state.putScript(req.pathParam("account_id"), req.pathParam("script_name"),
                req.body(), contentType.startsWith("multipart/") ? "multipart/form-data" : contentType);
        ObjectNode result = render(s, ApiResponse.JSON.createObjectNode());
        result.put("startup_time_ms", 1);
        return ApiResponse.success(result);
    }

    private ApiResponse deleteScript(ApiRequest req) {
        return state.deleteScript(req.pathParam("account_id"), req.pathParam("script_name"))
                ? ApiResponse.success(null) : scriptNotFound();
    }

    private static ApiResponse scriptNotFound() {
        return ApiResponse.failure(404, 10007, "workers.api.error.script_not_found");
    }

    private static ObjectNode render(StandInState.Script s, ObjectNode o) {
        o.put("id", s.name());
        o.put("etag", s.etag());
        o.put("created_on", s.createdOn().toString());
        o.put("modified_on", s.modifiedOn().toString());
        o.put("usage_model", "bundled");
        return o;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
