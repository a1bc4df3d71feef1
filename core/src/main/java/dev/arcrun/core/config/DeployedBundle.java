package dev.arcrun.core.config;

import java.time.Instant;
import java.util.Objects;

/** A bundle that was deployed: where it came from, its version and the sha256 of its archive. */
public record DeployedBundle(String source, String version, String sha256, Instant deployedAt) {
    public DeployedBundle {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
    }
}
