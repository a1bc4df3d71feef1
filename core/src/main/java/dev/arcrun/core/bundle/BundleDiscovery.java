package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
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
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_NO_WORKER, r), Advice.of(Advice.Code.BUNDLE_IS_ENGINE));
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
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_FOLDER_UNREADABLE, root, e.getMessage()),
                    Advice.of(Advice.Code.CHECK_FOLDER_PERMISSIONS), e);
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
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_WORKER_UNNAMED, config), Advice.of(Advice.Code.WORKER_NAME));
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
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_BINDING_INCOMPLETE, config, section, field),
                    Advice.of(Advice.Code.FIX_WORKER_CONFIG));
        }
        return v;
    }

    /** Assigns tiers (longest chain of service bindings below each worker) and sorts by tier, then name. */
    static List<Worker> tiers(List<Worker> workers) {
        Map<String, Worker> byName = new HashMap<>();
        for (Worker w : workers) {
            Worker prev = byName.put(w.name(), w);
            if (prev != null) {
                throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_WORKER_TWICE, w.name(), display(prev), display(w)),
                        Advice.of(Advice.Code.UNIQUE_WORKERS));
            }
        }
        for (Worker w : workers) {
            w.services().forEach((binding, service) -> {
                if (!byName.containsKey(service)) {
                    throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_SERVICE_UNKNOWN, w.name(), display(w), service, binding),
                            Advice.of(Advice.Code.ADD_WORKER_OR_BINDING));
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
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_CYCLE, String.join(" → ", cycle)),
                    Advice.of(Advice.Code.NO_BINDING_CYCLE));
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
            Failure f = loc != null && loc.getLineNr() > 0
                    ? Failure.of(Failure.Code.MANIFEST_INVALID_AT, BundleManifest.FILE_NAME, loc.getLineNr(), e.getOriginalMessage())
                    : Failure.of(Failure.Code.MANIFEST_INVALID, BundleManifest.FILE_NAME, e.getOriginalMessage());
            throw new UserFacingException(f, Advice.of(Advice.Code.FIX_MANIFEST), e);
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.MANIFEST_UNREADABLE, file, e.getMessage()),
                    Advice.of(Advice.Code.CHECK_FOLDER_PERMISSIONS), e);
        }
        if (m == null) {
            throw new UserFacingException(Failure.of(Failure.Code.MANIFEST_EMPTY, BundleManifest.FILE_NAME),
                    Advice.of(Advice.Code.FIX_MANIFEST));
        }
        for (BundleManifest.Secret s : m.secrets()) {
            if (s == null || s.name() == null || !SECRET_NAME.matcher(s.name()).matches()) {
                throw new UserFacingException(Failure.of(Failure.Code.MANIFEST_SECRET_NAME, BundleManifest.FILE_NAME),
                        Advice.of(Advice.Code.SECRET_NAME_FORM));
            }
        }
        for (BundleManifest.Seeds s : m.seeds()) {
            String d = s == null ? null : s.dir();
            Path f = d == null ? null : root.resolve(d).normalize();
            if (f == null || !f.startsWith(root) || !Files.isDirectory(f)) {
                throw new UserFacingException(Failure.of(Failure.Code.MANIFEST_SEED_FOLDER, BundleManifest.FILE_NAME, d),
                        Advice.of(Advice.Code.FIX_MANIFEST));
            }
        }
        return Optional.of(m);
    }
}
