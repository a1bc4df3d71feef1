package dev.arcrun.core.bundle;

import java.util.Map;
import java.util.TreeMap;

/**
 * What goes into the workers' configs: KV namespace ids and R2 bucket names by binding, vars every worker gets, and
 * worker renames (name in the config → name to deploy under), applied to each worker's own {@code name} and to the
 * {@code service} of its service bindings. A Cloudflare install and a local one differ only in these values.
 */
public record InjectionValues(Map<String, String> kvIds, Map<String, String> r2Buckets, Map<String, String> vars,
                              Map<String, String> workerNames) {
    public InjectionValues {
        // Sorted, so the text a run adds is the same every time.
        kvIds = new TreeMap<>(kvIds);
        r2Buckets = new TreeMap<>(r2Buckets);
        vars = new TreeMap<>(vars);
        workerNames = new TreeMap<>(workerNames);
    }

    /** Without renames: every worker keeps the name its config gives it. */
    public InjectionValues(Map<String, String> kvIds, Map<String, String> r2Buckets, Map<String, String> vars) {
        this(kvIds, r2Buckets, vars, Map.of());
    }

    /** The name a worker called {@code name} in its config is deployed under. */
    public String workerName(String name) {
        return workerNames.getOrDefault(name, name);
    }
}
