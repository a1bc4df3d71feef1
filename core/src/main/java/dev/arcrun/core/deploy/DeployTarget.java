package dev.arcrun.core.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One worker to deploy: its name (as in its wrangler config), its folder (holding the wrangler config, with resource
 * ids already injected) and its tier. Lower tiers deploy first: a worker's service bindings point at lower tiers.
 */
public record DeployTarget(String name, Path dir, int tier) {
    public DeployTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        if (tier < 0) throw new IllegalArgumentException("tier must be >= 0: " + tier);
    }

    /** Every worker the bundle's discovery found, with its folder and deploy tier. */
    public static java.util.List<DeployTarget> of(dev.arcrun.core.bundle.Bundle bundle) {
        return bundle.workers().stream()
                .map(w -> new DeployTarget(w.name(), bundle.root().resolve(w.path()), w.tier()))
                .toList();
    }
}
