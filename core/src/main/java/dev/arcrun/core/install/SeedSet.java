package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

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
                default -> throw new UserFacingException(Failure.of(Failure.Code.SEED_UNKNOWN_KIND, kind),
                        Advice.of(Advice.Code.UPDATE_APP));
            };
            Path dir = bundle.root().resolve(entry.dir()).normalize(); // discovery checked it is a folder inside
            for (Path file : jsonFiles(dir)) {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    digest.update(bytes);
                    JsonNode doc = JSON.readTree(bytes);
                    String id = doc.path(idField).asText();
                    if (id.isEmpty()) {
                        throw new UserFacingException(Failure.of(Failure.Code.SEED_NO_ID, bundle.root().relativize(file), idField),
                                Advice.of(Advice.Code.SEED_FIX_BUNDLE));
                    }
                    seeds.add(new Seed(kind, id, where[0], where[1] + id, doc));
                } catch (IOException e) {
                    throw new UserFacingException(Failure.of(Failure.Code.SEED_INVALID_JSON, bundle.root().relativize(file), e.getMessage()),
                            Advice.of(Advice.Code.SEED_FIX_BUNDLE));
                }
            }
        }
        return new SeedSet(List.copyOf(seeds), HexFormat.of().formatHex(digest.digest()));
    }

    long count(String kind) {
        return seeds.stream().filter(s -> s.kind().equals(kind)).count();
    }

    /** The summary's values: how many auth recipes, API recipes and components. */
    Object[] counts() {
        return new Object[] {count("auth_recipe"), count("api_recipe"), count("component")};
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.SEED_FOLDER_UNREADABLE, dir, e.getMessage()), Advice.of(Advice.Code.CHECK_DISK));
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
