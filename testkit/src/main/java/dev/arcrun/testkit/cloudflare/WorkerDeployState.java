package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link WorkerDeployEndpoints} remembers of wrangler's deploys, for assertions: every upload (which path it
 * took, its metadata, bindings and modules), versions, deployments, workers.dev switches and secrets. Secret values
 * are kept only so a test can check that they arrived ({@link #secretValue}); nothing here prints them.
 */
public final class WorkerDeployState {

    /** {@link #SCRIPT_PUT}: a new worker's {@code PUT …/scripts/{name}}; {@link #VERSION}: {@code POST …/versions}. */
    public enum UploadPath { SCRIPT_PUT, VERSION }

    /**
     * One upload of a worker's code.
     *
     * @param modules part name → content, for every module part (the main module among them)
     */
    public record Upload(String accountId, String script, UploadPath path, String versionId, JsonNode metadata,
                         Map<String, String> modules, Instant at) {

        public String mainModule() {
            return metadata.path("main_module").asText(metadata.path("body_part").asText(""));
        }

        public Optional<String> mainModuleContent() {
            return Optional.ofNullable(modules.get(mainModule()));
        }

        public List<JsonNode> bindings() {
            List<JsonNode> out = new ArrayList<>();
            metadata.path("bindings").forEach(out::add);
            return out;
        }

        /** The binding with this name, e.g. {@code {"type":"kv_namespace","name":"CREDENTIALS","namespace_id":"…"}}. */
        public Optional<JsonNode> binding(String name) {
            return bindings().stream().filter(b -> b.path("name").asText().equals(name)).findFirst();
        }
    }

    public record Deployment(String id, String accountId, String script, List<String> versionIds, Instant at) {}

    private record Key(String accountId, String script) {}

    private final List<Upload> uploads = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();
    private final Map<Key, Map<String, String>> secrets = new LinkedHashMap<>();
    private final Map<Key, Boolean> workersDev = new LinkedHashMap<>();

    synchronized void addUpload(Upload upload) {
        uploads.add(upload);
        // Cloudflare makes a version's secret_text bindings the worker's secrets (wrangler deploy --secrets-file);
        // wrangler also re-sends the earlier ones as {"type":"inherit"}, which change nothing.
        Map<String, String> carried = new LinkedHashMap<>();
        for (JsonNode b : upload.bindings()) {
            if (b.path("type").asText().equals("secret_text") && b.has("text")) carried.put(b.path("name").asText(), b.path("text").asText());
        }
        if (!carried.isEmpty()) patchSecrets(upload.accountId(), upload.script(), carried);
    }

    /** The names and values of the secrets a version upload carried itself ({@code secret_text} bindings); do not print. */
    public static Map<String, String> secretsCarriedBy(Upload upload) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode b : upload.bindings()) {
            if (b.path("type").asText().equals("secret_text")) out.put(b.path("name").asText(), b.path("text").asText(null));
        }
        return out;
    }

    synchronized void addDeployment(Deployment d) {
        deployments.add(d);
    }

    synchronized void setWorkersDev(String accountId, String script, boolean enabled) {
        workersDev.put(new Key(accountId, script), enabled);
    }

    /** Applies a secrets-bulk merge patch: a value sets, null deletes. */
    synchronized void patchSecrets(String accountId, String script, Map<String, String> changes) {
        Map<String, String> s = secrets.computeIfAbsent(new Key(accountId, script), k -> new LinkedHashMap<>());
        changes.forEach((name, value) -> {
            if (value == null) s.remove(name);
            else s.put(name, value);
        });
    }

    /** Every upload in arrival order. */
    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    public synchronized List<Upload> uploads(String script) {
        return uploads.stream().filter(u -> u.script().equals(script)).toList();
    }

    public synchronized Optional<Upload> latestUpload(String accountId, String script) {
        for (int i = uploads.size() - 1; i >= 0; i--) {
            Upload u = uploads.get(i);
            if (u.accountId().equals(accountId) && u.script().equals(script)) return Optional.of(u);
        }
        return Optional.empty();
    }

    /** Script names in the order their uploads arrived (a script uploaded twice appears twice). */
    public synchronized List<String> uploadOrder() {
        return uploads.stream().map(Upload::script).toList();
    }

    public synchronized List<Deployment> deployments(String script) {
        return deployments.stream().filter(d -> d.script().equals(script)).toList();
    }

    public synchronized boolean workersDevEnabled(String accountId, String script) {
        return workersDev.getOrDefault(new Key(accountId, script), false);
    }

    public synchronized Set<String> secretNames(String accountId, String script) {
        return Collections.unmodifiableSet(new TreeSet<>(secrets.getOrDefault(new Key(accountId, script), Map.of()).keySet()));
    }

    /** For a test to check that a secret's value arrived intact; do not print it. */
    public synchronized Optional<String> secretValue(String accountId, String script, String name) {
        return Optional.ofNullable(secrets.getOrDefault(new Key(accountId, script), Map.of()).get(name));
    }

    @Override
    public synchronized String toString() {
        return "WorkerDeployState[uploads=" + uploadOrder() + ", deployments=" + deployments.size() + ", secrets="
                + secrets.entrySet().stream().map(e -> e.getKey().script() + "=" + new TreeSet<>(e.getValue().keySet())).toList() + "]";
    }
}
