package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.BundleManifest;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which secret goes to which worker, from the bundle's manifest; a secret without a worker goes to every worker.
 * The installer knows the values of API_KEY and ENCRYPTION_KEY; a required secret it cannot provide is an error
 * naming it, before anything is deployed.
 */
final class BundleSecrets {
    private BundleSecrets() {}

    /** @param prefix the install's prefix: the manifest names workers as the bundle does, they deploy renamed */
    static Map<String, Map<String, String>> forWorkers(Bundle bundle, SecretStore store, String install, String prefix) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (BundleManifest.Secret s : bundle.manifest().map(BundleManifest::secrets).orElse(java.util.List.of())) {
            String value = switch (s.name()) {
                case "API_KEY" -> store.get(install, SecretKind.API_KEY).orElse(null);
                case "ENCRYPTION_KEY" -> store.get(install, SecretKind.ENCRYPTION_KEY).orElse(null);
                default -> null;
            };
            if (value == null) {
                if (s.required()) {
                    throw new UserFacingException(Failure.of(Failure.Code.SECRET_NOT_PROVIDED, s.name()),
                            Advice.of(Advice.Code.BUNDLE_SECRET, s.name()));
                }
                continue;
            }
            for (var w : bundle.workers()) {
                if (s.worker() == null || WorkerNames.deployed(s.worker(), prefix).equals(w.name())) {
                    out.computeIfAbsent(w.name(), k -> new LinkedHashMap<>()).put(s.name(), value);
                }
            }
        }
        return out;
    }
}
