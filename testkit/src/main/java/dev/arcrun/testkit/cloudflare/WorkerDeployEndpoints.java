package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The calls the real wrangler 4.x makes for {@code wrangler deploy} (first deploy and redeploy) and
 * {@code wrangler secret bulk}, learned by watching it against this stand-in. They are beyond the contract slice, so
 * they follow what wrangler sends and reads:
 * <pre>
 * GET   …/workers/services/{name}            404 + code 10007 means "new worker"
 * GET   …/workers/scripts/{name}/secrets      GET …/workers/subdomain (base stand-in)   GET …/scripts/{name}/deployments
 * new:      PUT  …/workers/scripts/{name}     multipart: part "metadata" (main_module, bindings) + one part per module
 * existing: POST …/scripts/{name}/versions (multipart), POST …/scripts/{name}/deployments, PATCH …/script-settings
 * GET   …/workers/workers/{name}               POST …/scripts/{name}/subdomain {"enabled":true}
 * PATCH …/scripts/{name}/secrets-bulk          application/merge-patch+json {"secrets":{NAME:{name,text,type}|null}}
 * </pre>
 * Worker existence is the base stand-in's script list ({@link StandInState#script}), so the two stay consistent.
 * Register with {@link #installOn(CloudflareStandIn)}; its {@link #state()} holds the uploads for assertions.
 */
public final class WorkerDeployEndpoints implements EndpointGroup {

    private static final String KEY = "com.cloudflare.edge.worker.script.";
    private static final String SCRIPT = "/accounts/{account_id}/workers/scripts/{script_name}";

    private final StandInState base;
    private final WorkerDeployState state = new WorkerDeployState();

    public WorkerDeployEndpoints(StandInState base) {
        this.base = base;
    }

    /** Registers the deploy endpoints on {@code cf} and returns them (for {@link #state()}). */
    public static WorkerDeployEndpoints installOn(CloudflareStandIn cf) {
        WorkerDeployEndpoints endpoints = new WorkerDeployEndpoints(cf.state());
        cf.register(endpoints);
        return endpoints;
    }

    public WorkerDeployState state() {
        return state;
    }

    @Override
    public void register(Router r) {
        r.get("/accounts/{account_id}/workers/services/{script_name}", Access.ACCOUNT, KEY + "read", this::getService);
        r.get("/accounts/{account_id}/workers/workers/{script_name}", Access.ACCOUNT, KEY + "read", this::getWorker);
        r.put(SCRIPT, Access.ACCOUNT, KEY + "create", this::putScript);
        r.get(SCRIPT + "/secrets", Access.ACCOUNT, KEY + "read", this::listSecrets);
        r.add(new Route("PATCH", SCRIPT + "/secrets-bulk", Access.ACCOUNT, KEY + "update", this::patchSecrets));
        r.get(SCRIPT + "/deployments", Access.ACCOUNT, KEY + "read", this::listDeployments);
        r.post(SCRIPT + "/deployments", Access.ACCOUNT, KEY + "update", this::createDeployment);
        r.post(SCRIPT + "/versions", Access.ACCOUNT, KEY + "update", this::uploadVersion);
        r.get(SCRIPT + "/settings", Access.ACCOUNT, KEY + "read", this::getSettings);
        r.add(new Route("PATCH", SCRIPT + "/script-settings", Access.ACCOUNT, KEY + "update", this::patchScriptSettings));
        r.get(SCRIPT + "/subdomain", Access.ACCOUNT, KEY + "read", this::getScriptSubdomain);
        r.post(SCRIPT + "/subdomain", Access.ACCOUNT, KEY + "update", this::postScriptSubdomain);
    }

    // ---- existence

    private Optional<StandInState.Script> script(ApiRequest req) {
        return base.script(req.pathParam("account_id"), req.pathParam("script_name"));
    }

    private static ApiResponse notFound() {
        return ApiResponse.failure(404, 10007, "This Worker does not exist on your account.");
    }

    private ApiResponse getService(ApiRequest req) {
        return script(req).map(s -> {
            ObjectNode result = json();
            result.put("id", s.name());
            result.put("created_on", s.createdOn().toString());
            result.put("modified_on", s.modifiedOn().toString());
            ObjectNode env = result.putObject("default_environment");
            env.put("environment", "production");
            env.put("created_on", s.createdOn().toString());
            env.put("modified_on", s.modifiedOn().toString());
            ObjectNode sc = env.putObject("script");
            sc.put("id", s.name());
            sc.put("tag", tag(s.name()));
            sc.put("etag", s.etag());
            sc.putArray("handlers").add("fetch");
            sc.put("last_deployed_from", "wrangler");
            return ApiResponse.success(result);
        }).orElseGet(WorkerDeployEndpoints::notFound);
    }

    private ApiResponse getWorker(ApiRequest req) {
        return script(req).map(s -> {
            ObjectNode result = json();
            result.put("id", tag(s.name()));
            result.put("name", s.name());
            result.put("created_on", s.createdOn().toString());
            result.put("updated_on", s.modifiedOn().toString());
            result.set("subdomain", subdomain(req));
            result.putObject("observability").put("enabled", false);
            result.putArray("tags");
            return ApiResponse.success(result);
        }).orElseGet(WorkerDeployEndpoints::notFound);
    }

    // ---- uploads

    /** A new worker (or a full replace): stored in the base script list too, deployed at once. */
    private ApiResponse putScript(ApiRequest req) {
        String account = req.pathParam("account_id");
        String name = req.pathParam("script_name");
        String contentType = req.header("Content-Type").orElse("");
        if (!contentType.startsWith("multipart/")) {
            // A plain script body (the base stand-in's minimal case): keep it as it was handled before.
            StandInState.Script s = base.putScript(account, name, req.body(), contentType.isEmpty() ? "application/javascript" : contentType);
            return ApiResponse.success(scriptResult(s, null));
        }
        WorkerDeployState.Upload upload = upload(req, WorkerDeployState.UploadPath.SCRIPT_PUT);
        StandInState.Script s = base.putScript(account, name, req.body(), "multipart/form-data");
        state.addUpload(upload);
        state.addDeployment(new WorkerDeployState.Deployment(UUID.randomUUID().toString(), account, name,
                List.of(upload.versionId()), Instant.now()));
        return ApiResponse.success(scriptResult(s, upload.versionId()));
    }

    private ApiResponse uploadVersion(ApiRequest req) {
        Optional<StandInState.Script> existing = script(req);
        if (existing.isEmpty()) return notFound();
        WorkerDeployState.Upload upload = upload(req, WorkerDeployState.UploadPath.VERSION);
        state.addUpload(upload);
        ObjectNode result = json();
        result.put("id", upload.versionId());
        result.put("number", state.uploads(upload.script()).size());
        ObjectNode metadata = result.putObject("metadata");
        metadata.put("author_email", "standin@example.com");
        metadata.put("source", "wrangler");
        metadata.put("created_on", upload.at().toString());
        ObjectNode resources = result.putObject("resources");
        ObjectNode script = resources.putObject("script");
        script.put("etag", existing.get().etag());
        script.putArray("handlers").add("fetch");
        resources.set("bindings", withoutSecretValues(upload.metadata().path("bindings")));
        result.put("startup_time_ms", 2);
        return ApiResponse.success(result);
    }

    /** Only a new version becomes the code the worker runs: replace the base script's content with it. */
    private ApiResponse createDeployment(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        JsonNode body = readJson(req);
        List<String> versionIds = new java.util.ArrayList<>();
        body.path("versions").forEach(v -> versionIds.add(v.path("version_id").asText()));
        if (versionIds.isEmpty()) {
            return ApiResponse.failure(400, 10021, "a deployment needs at least one version");
        }
        String account = req.pathParam("account_id");
        String name = req.pathParam("script_name");
        WorkerDeployState.Deployment d = new WorkerDeployState.Deployment(UUID.randomUUID().toString(), account, name,
                List.copyOf(versionIds), Instant.now());
        state.addDeployment(d);
        return ApiResponse.success(deployment(d, body));
    }

    private ApiResponse listDeployments(ApiRequest req) {
        ObjectNode result = json();
        ArrayNode list = result.putArray("deployments");
        List<WorkerDeployState.Deployment> all = state.deployments(req.pathParam("script_name"));
        for (int i = all.size() - 1; i >= 0; i--) { // newest first, as Cloudflare lists them
            list.add(deployment(all.get(i), null));
        }
        return ApiResponse.success(result);
    }

    private ApiResponse getSettings(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        ObjectNode result = json();
        Optional<WorkerDeployState.Upload> latest = state.latestUpload(req.pathParam("account_id"), req.pathParam("script_name"));
        result.set("bindings", latest.map(u -> withoutSecretValues(u.metadata().path("bindings"))).orElse(json().arrayNode()));
        result.put("compatibility_date", latest.map(u -> u.metadata().path("compatibility_date").asText("")).orElse(""));
        result.set("compatibility_flags", latest.map(u -> u.metadata().path("compatibility_flags")).orElse(json().arrayNode()));
        result.put("logpush", false);
        result.putArray("tail_consumers");
        return ApiResponse.success(result);
    }

    private ApiResponse patchScriptSettings(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        ObjectNode result = json();
        result.put("logpush", false);
        result.putArray("tail_consumers");
        JsonNode body = readJson(req);
        result.set("observability", body.path("observability").isMissingNode() ? json().putObject("o").put("enabled", false) : body.get("observability"));
        result.set("tags", body.path("tags").isMissingNode() ? json().arrayNode() : body.get("tags"));
        return ApiResponse.success(result);
    }

    // ---- workers.dev route of one worker

    private ApiResponse getScriptSubdomain(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        return ApiResponse.success(subdomain(req));
    }

    private ApiResponse postScriptSubdomain(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        state.setWorkersDev(req.pathParam("account_id"), req.pathParam("script_name"), readJson(req).path("enabled").asBoolean(false));
        return ApiResponse.success(subdomain(req));
    }

    private ObjectNode subdomain(ApiRequest req) {
        boolean enabled = state.workersDevEnabled(req.pathParam("account_id"), req.pathParam("script_name"));
        ObjectNode o = json();
        o.put("enabled", enabled);
        o.put("previews_enabled", enabled);
        return o;
    }

    // ---- secrets

    private ApiResponse listSecrets(ApiRequest req) {
        ArrayNode result = json().arrayNode();
        for (String name : state.secretNames(req.pathParam("account_id"), req.pathParam("script_name"))) {
            result.addObject().put("name", name).put("type", "secret_text");
        }
        return ApiResponse.success(result);
    }

    /** wrangler's merge patch: {"secrets":{"NAME":{"name","text","type":"secret_text"}, "GONE":null}}. */
    private ApiResponse patchSecrets(ApiRequest req) {
        if (script(req).isEmpty()) return notFound();
        if (!req.header("Content-Type").orElse("").startsWith("application/merge-patch+json")) {
            return ApiResponse.failure(415, 10021, "secrets-bulk takes application/merge-patch+json");
        }
        JsonNode secrets = readJson(req).path("secrets");
        if (!secrets.isObject()) {
            return ApiResponse.failure(400, 10021, "body must be {\"secrets\": {...}}");
        }
        Map<String, String> changes = new HashMap<>();
        for (var e : secrets.properties()) {
            changes.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().path("text").asText());
        }
        state.patchSecrets(req.pathParam("account_id"), req.pathParam("script_name"), changes);
        ArrayNode result = json().arrayNode();
        state.secretNames(req.pathParam("account_id"), req.pathParam("script_name"))
                .forEach(n -> result.addObject().put("name", n).put("type", "secret_text"));
        return ApiResponse.success(result);
    }

    // ---- helpers

    private WorkerDeployState.Upload upload(ApiRequest req, WorkerDeployState.UploadPath path) {
        MultipartForm form = MultipartForm.parse(req.header("Content-Type").orElse(null), req.body());
        MultipartForm.Part metadataPart = form.part("metadata")
                .orElseThrow(() -> new CloudflareStandIn.BadRequest(10021, "the upload has no metadata part"));
        JsonNode metadata;
        try {
            metadata = ApiResponse.JSON.readTree(metadataPart.content());
        } catch (IOException e) {
            throw new CloudflareStandIn.BadRequest(10021, "metadata is not JSON");
        }
        Map<String, String> modules = new LinkedHashMap<>();
        for (MultipartForm.Part p : form.parts()) {
            if (!p.name().equals("metadata")) modules.put(p.name(), p.text());
        }
        String main = metadata.path("main_module").asText(metadata.path("body_part").asText(""));
        if (main.isEmpty() || !modules.containsKey(main)) {
            throw new CloudflareStandIn.BadRequest(10021, "main_module '" + main + "' is not among the uploaded parts");
        }
        return new WorkerDeployState.Upload(req.pathParam("account_id"), req.pathParam("script_name"), path,
                UUID.randomUUID().toString(), metadata, Map.copyOf(modules), Instant.now());
    }

    private static ObjectNode scriptResult(StandInState.Script s, String versionId) {
        ObjectNode o = json();
        o.put("id", s.name());
        o.put("etag", s.etag());
        o.put("created_on", s.createdOn().toString());
        o.put("modified_on", s.modifiedOn().toString());
        o.put("usage_model", "bundled");
        o.putArray("handlers").add("fetch");
        o.put("has_modules", true);
        o.put("has_assets", false);
        o.put("startup_time_ms", 1);
        if (versionId != null) o.put("deployment_id", versionId);
        return o;
    }

    private static ObjectNode deployment(WorkerDeployState.Deployment d, JsonNode request) {
        ObjectNode o = json();
        o.put("id", d.id());
        o.put("source", "wrangler");
        o.put("strategy", "percentage");
        o.put("created_on", d.at().toString());
        o.put("author_email", "standin@example.com");
        ArrayNode versions = o.putArray("versions");
        d.versionIds().forEach(v -> versions.addObject().put("version_id", v).put("percentage", 100.0 / d.versionIds().size()));
        o.set("annotations", request == null ? json() : request.path("annotations"));
        return o;
    }

    private static JsonNode readJson(ApiRequest req) {
        if (req.body().length == 0) return json();
        try {
            return ApiResponse.JSON.readTree(req.body());
        } catch (IOException e) {
            throw new CloudflareStandIn.BadRequest(10026, "could not parse request body as JSON");
        }
    }

    /** Cloudflare never reads a secret's value back. */
    private static JsonNode withoutSecretValues(JsonNode bindings) {
        ArrayNode out = json().arrayNode();
        bindings.forEach(b -> out.add(b.path("type").asText().equals("secret_text") && b.isObject()
                ? ((ObjectNode) b.deepCopy()).without("text") : b));
        return out;
    }

    private static ObjectNode json() {
        return ApiResponse.JSON.createObjectNode();
    }

    /** A stable 32-hex tag per script name. */
    private static String tag(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
