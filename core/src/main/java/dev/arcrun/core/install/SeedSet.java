package dev.arcrun.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.BundleManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed documents a bundle declares in its manifest ({@link BundleManifest#seeds()}): auth recipes,
 * API recipes and component contracts, each with the KV binding and key the engine reads it from.
 */
record SeedSet(List<Seed> seeds, String sha256) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document: {@code kind} as the manifest names it, the KV binding and key it lives under, its JSON. */
    record Seed(String kind, String id, String binding, String key, JsonNode document) {}

    static SeedSet of(Bundle bundle) {
        List<Seed> seeds = new ArrayList<>();
        MessageDigest digest = newDigest();
        for (BundleManifest.Seeds entry : bundle.manifest().map(BundleManifest::seeds).orElse(List.of())) {
            String kind = entry.kind();
            String idField = entry.idField() == null ? "id" : entry.idField();
            String[] where = switch (kind) {
                case "auth_recipe" -> new String[] {"AUTH_RECIPES", "recipe:"};
                case "api_recipe" -> new String[] {"API_RECIPES", "api-recipe:"};
                case "component" -> new String[] {"COMPONENTS", "component:"};
                default -> throw new UserFacingException("The bundle declares seeds of an unknown kind '" + kind + "'.",
                        "Update Arcrun Desktop to install this engine version.");
            };
            Path dir = bundle.root().resolve(entry.dir()).normalize(); // discovery checked it is a folder inside
            for (Path file : jsonFiles(dir)) {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    digest.update(bytes);
                    JsonNode doc = JSON.readTree(bytes);
                    String id = doc.path(idField).asText();
                    if (id.isEmpty()) {
                        throw new UserFacingException("The seed " + bundle.root().relativize(file) + " has no '" + idField + "'.",
                                "The bundle is damaged; fetch it again or use another source.");
                    }
                    seeds.add(new Seed(kind, id, where[0], where[1] + id, doc));
                } catch (IOException e) {
                    throw new UserFacingException("The seed " + bundle.root().relativize(file) + " is not valid JSON: " + e.getMessage(),
                            "The bundle is damaged; fetch it again or use another source.");
                }
            }
        }
        return new SeedSet(List.copyOf(seeds), HexFormat.of().formatHex(digest.digest()));
    }

    long count(String kind) {
        return seeds.stream().filter(s -> s.kind().equals(kind)).count();
    }

    String describe() {
        return count("auth_recipe") + " auth recipes, " + count("api_recipe") + " API recipes, " + count("component") + " components";
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the seed folder " + dir + ": " + e.getMessage(), "Check the disk and try again.");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
