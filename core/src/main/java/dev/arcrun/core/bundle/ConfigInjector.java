package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes real resource ids and vars into the workers' configs without touching the bundle's own files: each worker
 * gets a generated {@value #GENERATED} beside its wrangler.toml / wrangler.json(c) — the bundle's config as Jackson
 * reads it, with the injected values — which wrangler is given with {@code --config} (it resolves {@code main},
 * {@code .dev.vars} and assets relative to that file, so the folder is the same). Workers may be renamed too (an
 * install with its own prefix), their service bindings following. Only the top level of a config is touched, not
 * {@code [env.*]} sections. The generated file is always made from the bundle's own config, so injecting again gives
 * the same file; a bundle folder an earlier version injected in place (no generated file) works the same way.
 */
public final class ConfigInjector {
    /** The generated config beside each worker's own; discovery never counts it as a worker config of its own. */
    public static final String GENERATED = "wrangler.arcrun.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The outcome for one worker: the generated config, and whether its content changed. */
    public record Injected(Worker worker, Path config, boolean changed) {}

    private ConfigInjector() {}

    /** The config wrangler is to use in a worker's folder: the generated one once injected, else the bundle's own. */
    public static Path configIn(Path workerDir) {
        Path generated = workerDir.resolve(GENERATED);
        return Files.isRegularFile(generated) ? generated
                : source(workerDir).orElse(workerDir.resolve(ConfigFormat.TOML.fileName()));
    }

    /** The bundle's own config in a worker's folder (wrangler's precedence when there are several). */
    static Optional<Path> source(Path workerDir) {
        for (ConfigFormat f : ConfigFormat.values()) {
            Path c = workerDir.resolve(f.fileName());
            if (Files.isRegularFile(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static List<Injected> injectAll(Bundle bundle, InjectionValues values) {
        // Discovery shows the names a generated config already has; the renames also apply to the bundle's own names.
        Map<String, String> renames = new LinkedHashMap<>(values.workerNames());
        List<Path> sources = new ArrayList<>();
        List<JsonNode> trees = new ArrayList<>();
        for (Worker w : bundle.workers()) {
            Path dir = w.config().getParent();
            Path source = source(dir).orElseThrow(() -> new IllegalStateException("no wrangler config in " + dir));
            JsonNode tree = ConfigReader.read(source, ConfigFormat.of(source.getFileName().toString()).orElseThrow());
            String bundleName = tree.path("name").asText("");
            if (!bundleName.isEmpty() && !bundleName.equals(w.name())) {
                renames.putIfAbsent(bundleName, values.workerName(w.name()));
            }
            sources.add(source);
            trees.add(tree);
        }
        InjectionValues all = new InjectionValues(values.kvIds(), values.r2Buckets(), values.vars(), renames);
        // Every worker is checked before any file is written, so a missing resource changes nothing.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            texts.add(render(generate(trees.get(i), all, sources.get(i))));
        }
        List<Injected> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Path generated = sources.get(i).resolveSibling(GENERATED);
            boolean changed = !texts.get(i).equals(existing(generated));
            if (changed) {
                write(generated, texts.get(i));
            }
            out.add(new Injected(bundle.workers().get(i), generated, changed));
        }
        return out;
    }

    /** The bundle's config {@code source} with {@code values} in it; {@code file} only names it in failures. */
    static ObjectNode generate(JsonNode source, InjectionValues values, Path file) {
        ObjectNode cfg = source.deepCopy();
        bindings(cfg, "kv_namespaces", "id", values.kvIds(), Failure.Code.KV_NOT_PROVISIONED, file);
        bindings(cfg, "r2_buckets", "bucket_name", values.r2Buckets(), Failure.Code.R2_NOT_PROVISIONED, file);
        if (!values.vars().isEmpty()) {
            ObjectNode vars = cfg.get("vars") instanceof ObjectNode o ? o : cfg.putObject("vars");
            values.vars().forEach(vars::put);
        }
        rename(cfg, "name", values);
        for (JsonNode s : cfg.path("services")) {
            if (s instanceof ObjectNode o) {
                rename(o, "service", values);
            }
        }
        return cfg;
    }

    static String render(JsonNode cfg) {
        try {
            return JSON.writeValueAsString(cfg) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a config tree as JSON", e);
        }
    }

    private static void bindings(ObjectNode cfg, String section, String field, Map<String, String> byBinding,
                                 Failure.Code missing, Path file) {
        for (JsonNode n : cfg.path(section)) {
            String binding = n.path("binding").asText("");
            String value = byBinding.get(binding);
            if (value == null || !(n instanceof ObjectNode o)) {
                throw new UserFacingException(Failure.of(missing, file, binding), Advice.of(Advice.Code.PROVISION_FOR_BUNDLE));
            }
            o.put(field, value);
        }
    }

    private static void rename(ObjectNode o, String field, InjectionValues values) {
        JsonNode v = o.get(field);
        if (v != null && v.isTextual()) {
            o.put(field, values.workerName(v.asText()));
        }
    }

    private static String existing(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null; // unreadable: written again
        }
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.WRANGLER_CONFIG_UNWRITABLE, file, String.valueOf(e.getMessage())),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        }
    }
}
