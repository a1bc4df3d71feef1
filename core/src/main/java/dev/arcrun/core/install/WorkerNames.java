package dev.arcrun.core.install;

import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.Worker;
import dev.arcrun.core.cloudflare.ResourceManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names an install deploys the bundle's workers under, so two installs with their own prefixes can share one
 * account: prefix + the bundle's name without its leading {@code arcrun-} ({@code arcrun-registry} with prefix
 * {@code team2-} → {@code team2-registry}); a worker not named {@code arcrun-…} gets prefix + its full name. The
 * default prefix keeps every name as the bundle gives it, so existing installs keep their workers.
 */
final class WorkerNames {
    private static final String ENGINE = "arcrun-";
    /** The built-in engine's workers, as its bundle names them. */
    static final java.util.List<String> ENGINE_WORKERS = java.util.List.of("arcrun-registry", DeployStep.PUBLIC_WORKER);

    private WorkerNames() {}

    /**
     * The deployed name of the worker the bundle calls {@code name}. A name that already starts with the prefix is
     * kept: discovery shows an injected bundle's workers under their new names, so a resumed run, an update to the same build or a rollback
     * sees the names an earlier injection wrote.
     */
    static String deployed(String name, String prefix) {
        if (prefix.equals(ResourceManifest.DEFAULT_PREFIX) || name.startsWith(prefix)) {
            return name;
        }
        return prefix + (name.startsWith(ENGINE) ? name.substring(ENGINE.length()) : name);
    }

    /**
     * True when a (non-default) prefix could not rename the engine's workers: {@link #deployed} keeps a name that
     * already starts with the prefix, so with {@code arcrun-r} the registry would stay {@code arcrun-registry} and
     * a second install would overwrite — and its uninstall delete — the default install's worker. Every other
     * prefix gives names of its own (prefix + the part after {@code arcrun-}).
     */
    static boolean cannotRename(String prefix) {
        return !prefix.equals(ResourceManifest.DEFAULT_PREFIX)
                && (ENGINE.startsWith(prefix) || ENGINE_WORKERS.stream().anyMatch(w -> w.startsWith(prefix)));
    }

    /** Bundle name → deployed name for every worker of the bundle. */
    static Map<String, String> renames(Bundle bundle, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Worker w : bundle.workers()) {
            out.put(w.name(), deployed(w.name(), prefix));
        }
        return out;
    }
}
