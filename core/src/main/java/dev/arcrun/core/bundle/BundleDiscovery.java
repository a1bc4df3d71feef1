package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the workers of an extracted bundle and orders them into deploy tiers from their service bindings:
 * a worker deploys after every worker it binds to.
 */
public final class BundleDiscovery {
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private BundleDiscovery() {}

    public static Bundle discover(Path root) {
        Path r = root.toAbsolutePath().normalize();
        List<Worker> found = new ArrayList<>();
        for (Path config : configFiles(r)) {
            found.add(readWorker(r, config));
        }
        if (found.isEmpty()) {
            throw new UserFacingException("No worker found in " + r + ": no folder holds a wrangler.toml, wrangler.json or wrangler.jsonc.",
                    "Check that the source is an arcrun engine bundle.");
        }
        return new Bundle(r, readManifest(r), tiers(found));
    }

    /** One config per folder (wrangler's precedence), skipping node_modules and dot-folders. */
    static List<Path> configFiles(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (n.equals("node_modules") || n.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    for (ConfigFormat f : ConfigFormat.values()) {
                        Path c = dir.resolve(f.fileName());
                        if (Files.isRegularFile(c)) {
                            out.add(c);
                            break;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the bundle folder " + root + ": " + e.getMessage(), "Check its permissions.");
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    static Worker readWorker(Path root, Path bundleConfig) {
        // Once injected, the worker is what its generated config says (never a worker of its own: see ConfigInjector).
        Path config = ConfigInjector.configIn(bundleConfig.getParent());
        ConfigFormat format = ConfigFormat.of(config.getFileName().toString()).orElse(ConfigFormat.JSON);
        JsonNode cfg = ConfigReader.read(config, format);
        String name = cfg.path("name").asText("");
        if (name.isBlank()) {
            throw new UserFacingException(config + " has no worker name (the \"name\" setting).",
                    "Add a name to the config; the bundle is incomplete.");
        }
        List<String> kv = new ArrayList<>();
        for (JsonNode n : cfg.path("kv_namespaces")) {
            kv.add(requireText(config, n, "binding", "kv_namespaces"));
        }
        List<String> r2 = new ArrayList<>();
        for (JsonNode n : cfg.path("r2_buckets")) {
            r2.add(requireText(config, n, "binding", "r2_buckets"));
        }
        Map<String, String> services = new LinkedHashMap<>();
        for (JsonNode n : cfg.path("services")) {
            services.put(requireText(config, n, "binding", "services"), requireText(config, n, "service", "services"));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        cfg.path("vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        Path dir = config.getParent();
        String rel = root.relativize(dir).toString().replace('\\', '/');
        return new Worker(name, rel, config, format, -1, kv, r2, services, vars);
    }

    private static String requireText(Path config, JsonNode n, String field, String section) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new UserFacingException(config + ": an entry of " + section + " has no \"" + field + "\".",
                    "Fix the config; the bundle is broken.");
        }
        return v;
    }

    /** Assigns tiers (longest chain of service bindings below each worker) and sorts by tier, then name. */
    static List<Worker> tiers(List<Worker> workers) {
        Map<String, Worker> byName = new HashMap<>();
        for (Worker w : workers) {
            Worker prev = byName.put(w.name(), w);
            if (prev != null) {
                throw new UserFacingException("Two workers of the bundle are both named \"" + w.name() + "\" ("
                        + display(prev) + " and " + display(w) + ").", "Fix the bundle: worker names must be unique.");
            }
        }
        for (Worker w : workers) {
            w.services().forEach((binding, service) -> {
                if (!byName.containsKey(service)) {
                    throw new UserFacingException("Worker \"" + w.name() + "\" (" + display(w) + ") binds service \"" + service
                            + "\" as " + binding + ", but no worker of the bundle is named so.",
                            "Fix the bundle: add the worker or remove the binding.");
                }
            });
        }
        Map<String, Integer> tier = new HashMap<>();
        for (Worker w : workers) {
            tierOf(w.name(), byName, tier, new ArrayList<>());
        }
        return workers.stream()
                .map(w -> w.withTier(tier.get(w.name())))
                .sorted(Comparator.comparingInt(Worker::tier).thenComparing(Worker::name))
                .toList();
    }

    private static int tierOf(String name, Map<String, Worker> byName, Map<String, Integer> tier, List<String> path) {
        Integer known = tier.get(name);
        if (known != null) {
            return known;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            throw new UserFacingException("The bundle's workers bind each other in a cycle: " + String.join(" → ", cycle) + ".",
                    "Fix the bundle: service bindings must not form a cycle, or no order can deploy them.");
        }
        path.add(name);
        int t = 0;
        for (String dep : byName.get(name).services().values()) {
            if (!dep.equals(name)) { // a worker may bind itself; that needs no order
                t = Math.max(t, tierOf(dep, byName, tier, path) + 1);
            }
        }
        path.removeLast();
        tier.put(name, t);
        return t;
    }

    private static String display(Worker w) {
        return w.path().isEmpty() ? w.config().getFileName().toString() : w.path() + "/" + w.config().getFileName();
    }

    static Optional<BundleManifest> readManifest(Path root) {
        Path file = root.resolve(BundleManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BundleManifest m;
        try {
            m = JsonMapper.builder().build().readValue(file.toFile(), BundleManifest.class);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new UserFacingException("Invalid " + BundleManifest.FILE_NAME + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() : "")
                    + ": " + e.getOriginalMessage(), "Fix the manifest; the bundle is broken.", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage(), "Check its permissions.");
        }
        if (m == null) {
            throw new UserFacingException(BundleManifest.FILE_NAME + " is empty.", "Fix the manifest; the bundle is broken.");
        }
        for (BundleManifest.Secret s : m.secrets()) {
            if (s == null || s.name() == null || !SECRET_NAME.matcher(s.name()).matches()) {
                throw new UserFacingException(BundleManifest.FILE_NAME + " lists a secret without a valid name.",
                        "Secret names are letters, digits and underscores; fix the manifest.");
            }
        }
        for (BundleManifest.Seeds s : m.seeds()) {
            String d = s == null ? null : s.dir();
            Path f = d == null ? null : root.resolve(d).normalize();
            if (f == null || !f.startsWith(root) || !Files.isDirectory(f)) {
                throw new UserFacingException(BundleManifest.FILE_NAME + " lists the seed folder \"" + d + "\", which is not a folder in the bundle.",
                        "Fix the manifest; the bundle is broken.");
            }
        }
        return Optional.of(m);
    }
}
