package dev.arcrun.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.BundleManifest;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which secret goes to which worker, from the bundle's manifest ({@code secrets[].worker}); a secret without a
 * worker goes to every worker. The installer knows the values of API_KEY and ENCRYPTION_KEY; any other required
 * secret must be given by the user, and its absence is an error naming it.
 */
final class BundleSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleSecrets() {}

    static Map<String, Map<String, String>> forWorkers(Bundle bundle, SecretStore store, String install) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        JsonNode secrets = manifest(bundle.root()).path("secrets");
        for (JsonNode s : secrets) {
            String name = s.path("name").asText();
            String value = switch (name) {
                case "API_KEY" -> store.get(install, SecretKind.API_KEY).orElse(null);
                case "ENCRYPTION_KEY" -> store.get(install, SecretKind.ENCRYPTION_KEY).orElse(null);
                default -> null;
            };
            if (value == null) {
                if (s.path("required").asBoolean(true)) {
                    throw new UserFacingException("The engine bundle needs the secret " + name + ", which this installer cannot provide.",
                            "Use a bundle of a matching version, or set " + name + " with wrangler after the install.");
                }
                continue;
            }
            Optional<String> worker = Optional.ofNullable(s.path("worker").textValue());
            for (var w : bundle.workers()) {
                if (worker.isEmpty() || worker.get().equals(w.name())) {
                    out.computeIfAbsent(w.name(), k -> new LinkedHashMap<>()).put(name, value);
                }
            }
        }
        return out;
    }

    static JsonNode manifest(Path root) {
        Path file = root.resolve(BundleManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserFacingException("The bundle's " + BundleManifest.FILE_NAME + " cannot be read: " + e.getMessage(),
                    "The bundle is damaged; fetch it again or use another source.");
        }
    }
}
