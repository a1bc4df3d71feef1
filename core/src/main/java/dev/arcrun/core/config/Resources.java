package dev.arcrun.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cloudflare resources the engine is bound to: KV namespace ids by binding name, R2 bucket names by binding
 * name, the account's workers.dev subdomain (null for the local target), and the prefix of the install's resource
 * titles and worker names (null before provisioning, and in configs written before it was recorded: the default).
 */
public record Resources(Map<String, String> kv, Map<String, String> r2, String subdomain, String prefix) {
    public static final Resources NONE = new Resources(Map.of(), Map.of(), null, null);

    public Resources(Map<String, String> kv, Map<String, String> r2, String subdomain) {
        this(kv, r2, subdomain, null);
    }

    public Resources {
        kv = kv == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kv));
        r2 = r2 == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(r2));
    }
}
