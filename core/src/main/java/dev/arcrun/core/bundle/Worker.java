package dev.arcrun.core.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A worker of a bundle: a folder with a wrangler config.
 *
 * @param name     the worker's name from its config
 * @param path     its folder relative to the bundle root, "/"-separated ("" for the root itself)
 * @param config   the config file wrangler will use: the generated {@value ConfigInjector#GENERATED} once injected,
 *                 else the bundle's own
 * @param tier     0 deploys first; a worker's tier is one more than the highest tier it binds to
 * @param kv       KV namespace bindings
 * @param r2       R2 bucket bindings
 * @param services service binding name → the worker it binds
 * @param vars     plain-text vars as written in the config
 */
public record Worker(String name, String path, Path config, ConfigFormat format, int tier, List<String> kv,
                     List<String> r2, Map<String, String> services, Map<String, String> vars) {

    public Worker {
        kv = List.copyOf(kv);
        r2 = List.copyOf(r2);
        services = Map.copyOf(services);
        vars = Map.copyOf(vars);
    }

    Worker withTier(int t) {
        return new Worker(name, path, config, format, t, kv, r2, services, vars);
    }
}
