package dev.arcrun.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes real resource ids and vars into the workers' wrangler configs by editing only the characters of the values
 * concerned: comments, order and layout stay as they were (TOML and JSONC alike). Workers may be renamed too (an
 * install with its own prefix), their service bindings following. Only the top level of a config is
 * touched, not {@code [env.*]} sections. Each result is parsed again before it is written, atomically.
 */
public final class ConfigInjector {

    /** The outcome for one worker. */
    public record Injected(Worker worker, boolean changed) {}

    private ConfigInjector() {}

    public static List<Injected> injectAll(Bundle bundle, InjectionValues values) {
        // Check every worker first, so a missing resource changes no file at all.
        List<String[]> planned = new ArrayList<>();
        for (Worker w : bundle.workers()) {
            String before;
            try {
                before = Files.readString(w.config());
            } catch (IOException e) {
                throw new UserFacingException("Cannot read " + w.config() + ": " + e.getMessage(), "Check its permissions.");
            }
            planned.add(new String[] {before, inject(w.format(), before, values, w.config())});
        }
        List<Injected> out = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Worker w = bundle.workers().get(i);
            boolean changed = !planned.get(i)[0].equals(planned.get(i)[1]);
            if (changed) {
                writeAtomically(w.config(), planned.get(i)[1]);
            }
            out.add(new Injected(w, changed));
        }
        return out;
    }

    /** The config text with {@code values} written in; {@code file} only names it in messages. */
    public static String inject(ConfigFormat format, String text, InjectionValues values, Path file) {
        JsonNode before = ConfigReader.parse(file, format, text);
        requireAll(before, "kv_namespaces", values.kvIds(), "KV namespace", file);
        requireAll(before, "r2_buckets", values.r2Buckets(), "R2 bucket", file);
        String after = format == ConfigFormat.TOML ? TomlInjection.apply(text, values) : JsoncInjection.apply(text, values);
        JsonNode check = ConfigReader.parse(file, format, after);
        verify(check, values, file);
        return after;
    }

    private static void requireAll(JsonNode cfg, String section, Map<String, String> known, String what, Path file) {
        for (JsonNode n : cfg.path(section)) {
            String binding = n.path("binding").asText("");
            if (!known.containsKey(binding)) {
                throw new UserFacingException(file + " binds the " + what + " " + binding + ", which the resources do not include.",
                        "Provision the resources again ('arcrun cf provision') with this bundle's manifest, then inject again.");
            }
        }
    }

    /** The edited config must say exactly what was asked for; anything else is a bug here, never written. */
    private static void verify(JsonNode cfg, InjectionValues values, Path file) {
        boolean ok = true;
        for (JsonNode n : cfg.path("kv_namespaces")) {
            ok &= values.kvIds().get(n.path("binding").asText()).equals(n.path("id").asText(null));
        }
        for (JsonNode n : cfg.path("r2_buckets")) {
            ok &= values.r2Buckets().get(n.path("binding").asText()).equals(n.path("bucket_name").asText(null));
        }
        for (Map.Entry<String, String> v : values.vars().entrySet()) {
            ok &= v.getValue().equals(cfg.path("vars").path(v.getKey()).asText(null));
        }
        // No name that was to be renamed may be left, as the worker's own or as a service binding's target.
        ok &= !values.workerNames().containsKey(cfg.path("name").asText(""))
                || values.workerName(cfg.path("name").asText()).equals(cfg.path("name").asText());
        for (JsonNode n : cfg.path("services")) {
            String svc = n.path("service").asText("");
            ok &= !values.workerNames().containsKey(svc) || values.workerName(svc).equals(svc);
        }
        if (!ok) {
            throw new IllegalStateException("Injecting into " + file + " did not produce the expected values");
        }
    }

    private static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error matters
            }
            throw new UserFacingException("Cannot write " + file + ": " + e.getMessage(), "Check that the folder is writable.");
        }
    }
}
