package dev.arcrun.cli.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.deploy.DeployTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * INTERIM — to be replaced by {@code dev.arcrun.core.bundle} discovery (issue 3) when both branches are merged.
 * Just enough to run {@code arcrun deploy --dir}: a worker is a folder with wrangler.toml/json/jsonc (node_modules and
 * dot-folders skipped); its tier is one more than the highest tier of the bundle workers it binds with a service
 * binding. Bindings to workers outside the bundle are ignored here; a cycle is an error.
 */
final class InterimWorkerDiscovery {

    private static final List<String> CONFIGS = List.of("wrangler.toml", "wrangler.jsonc", "wrangler.json");
    private static final ObjectMapper TOML = new TomlMapper();
    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private record Found(String name, Path dir, List<String> services) {}

    private InterimWorkerDiscovery() {
    }

    static List<DeployTarget> discover(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserFacingException("The folder " + root + " does not exist.", "Give --dir the folder of the extracted bundle.");
        }
        Map<String, Found> byName = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            for (Path dir : walk.filter(Files::isDirectory).filter(d -> !skipped(root, d)).sorted().toList()) {
                Optional<Path> config = CONFIGS.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
                if (config.isEmpty()) continue;
                Found f = read(config.get());
                if (byName.putIfAbsent(f.name(), f) != null) {
                    throw new UserFacingException("Two workers are both named '" + f.name() + "'.", "Give each worker its own name.");
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the folder " + root + ": " + e.getMessage(), "Check that it is readable.");
        }
        Map<String, Integer> tiers = new HashMap<>();
        List<DeployTarget> targets = new ArrayList<>();
        for (Found f : byName.values()) {
            targets.add(new DeployTarget(f.name(), f.dir(), tier(f.name(), byName, tiers, new HashSet<>())));
        }
        targets.sort(Comparator.comparingInt(DeployTarget::tier));
        return targets;
    }

    private static int tier(String name, Map<String, Found> all, Map<String, Integer> done, Set<String> visiting) {
        Integer known = done.get(name);
        if (known != null) return known;
        if (!visiting.add(name)) {
            throw new UserFacingException("The workers' service bindings form a cycle through '" + name + "'.",
                    "A worker cannot be deployed before the workers it binds to; remove one binding of the cycle.");
        }
        int tier = 0;
        for (String s : all.get(name).services()) {
            if (all.containsKey(s)) tier = Math.max(tier, tier(s, all, done, visiting) + 1);
        }
        visiting.remove(name);
        done.put(name, tier);
        return tier;
    }

    private static Found read(Path config) {
        JsonNode node;
        try {
            node = (config.getFileName().toString().endsWith(".toml") ? TOML : JSONC).readTree(config.toFile());
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")
                    : e.getMessage();
            throw new UserFacingException("Cannot read " + config + ": " + why,
                    "Fix the file (it must be valid " + (config.toString().endsWith(".toml") ? "TOML" : "JSON") + ").");
        }
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            throw new UserFacingException(config + " has no worker name.", "Add a name = \"…\" line.");
        }
        List<String> services = new ArrayList<>();
        node.path("services").forEach(s -> services.add(s.path("service").asText()));
        return new Found(name, config.getParent(), services);
    }

    private static boolean skipped(Path root, Path dir) {
        for (Path part : root.relativize(dir)) {
            String s = part.toString();
            if (s.equals("node_modules") || s.startsWith(".")) return true;
        }
        return false;
    }
}
