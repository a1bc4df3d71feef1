package dev.arcrun.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The optional {@code arcrun.bundle.json} at a bundle's root (the engine's own is in {@code engine/}):
 * <pre>{"name": "arcrun-engine", "version": "0.1.0",
 *  "secrets": [{"name": "API_KEY", "worker": "arcrun-cypher-executor", "required": true, "description": "…"}],
 *  "seeds": [{"kind": "auth_recipe", "dir": "seeds/auth-recipes", "id_field": "service"}]}</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleManifest(String name, String version, List<Secret> secrets, List<Seeds> seeds) {

    public static final String FILE_NAME = "arcrun.bundle.json";

    public BundleManifest {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    /**
     * A secret the bundle needs before it works, e.g. API_KEY.
     *
     * @param worker   the worker that gets it; null means every worker
     * @param required false for a secret the engine can run without
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Secret(String name, String worker, Boolean required, String description) {
        public Secret {
            required = required == null ? Boolean.TRUE : required;
        }
    }

    /**
     * A folder (relative to the bundle root) of JSON seed documents of one kind ({@code auth_recipe},
     * {@code api_recipe}, {@code component}), each identified by its {@code id_field}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seeds(String kind, String dir, @JsonProperty("id_field") String idField) {}
}
