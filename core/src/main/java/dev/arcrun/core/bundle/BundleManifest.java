package dev.arcrun.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The optional {@code arcrun.bundle.json} at a bundle's root:
 * <pre>{"name": "arcrun", "version": "1.4.0",
 *  "secrets": [{"name": "API_KEY", "description": "…"}],
 *  "seed": [{"path": "seed/auth-recipes.json", "binding": "AUTH_RECIPES", "description": "…"}]}</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleManifest(String name, String version, List<Secret> secrets, List<SeedFile> seed) {

    public static final String FILE_NAME = "arcrun.bundle.json";

    public BundleManifest {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        seed = seed == null ? List.of() : List.copyOf(seed);
    }

    /** A secret the bundle needs before it works, e.g. API_KEY. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Secret(String name, String description) {}

    /** A file (relative to the bundle root) whose contents seed a KV namespace or R2 bucket after deploy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeedFile(String path, String binding, String description) {}
}
