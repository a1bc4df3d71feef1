package dev.arcrun.core.bundle;

import java.util.Map;
import java.util.TreeMap;

/**
 * What goes into the workers' configs: KV namespace ids and R2 bucket names by binding, and vars every worker gets.
 * A Cloudflare install and a local one differ only in these values.
 */
public record InjectionValues(Map<String, String> kvIds, Map<String, String> r2Buckets, Map<String, String> vars) {
    public InjectionValues {
        // Sorted, so the text a run adds is the same every time.
        kvIds = new TreeMap<>(kvIds);
        r2Buckets = new TreeMap<>(r2Buckets);
        vars = new TreeMap<>(vars);
    }
}
