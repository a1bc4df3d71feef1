package dev.arcrun.core.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One worker to deploy: its name (as in its wrangler config), its folder, the config wrangler is given with
 * {@code --config} (the generated one with the resource ids injected; null lets wrangler find the folder's own) and
 * its tier. Lower tiers deploy first: a worker's service bindings point at lower tiers.
 */
public record DeployTarget(String name, Path dir, int tier, Path config) {
    public DeployTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        if (tier < 0) throw new IllegalArgumentException("tier must be >= 0: " + tier);
    }

    /** A worker whose folder's own config wrangler finds by itself. */
    public DeployTarget(String name, Path dir, int tier) {
        this(name, dir, tier, null);
    }

    /** Every worker the bundle's discovery found, with its folder, the config wrangler uses and its deploy tier. */
    public static java.util.List<DeployTarget> of(dev.arcrun.core.bundle.Bundle bundle) {
        return bundle.workers().stream()
                .map(w -> new DeployTarget(w.name(), bundle.root().resolve(w.path()), w.tier(), w.config()))
                .toList();
    }
}
