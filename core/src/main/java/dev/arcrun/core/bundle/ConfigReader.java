package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads wrangler configs into a tree with Jackson: TOML with its TOML module, wrangler.json and wrangler.jsonc as
 * JSON with comments and trailing commas (JSONC). The tree is all arcrun needs: it never edits a config's text.
 */
final class ConfigReader {
    private static final ObjectMapper TOML = new TomlMapper();
    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * A bundle may come from any URL: its configs are read whole, so their size is capped (a real one is a few KB).
     * Jackson's own limits (nesting depth 1000, string length) stop the rest as invalid configs.
     */
    static final long MAX_BYTES = 1 << 20;

    private ConfigReader() {}

    static JsonNode read(Path file, ConfigFormat format) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UserFacingException(Failure.of(Failure.Code.WRANGLER_CONFIG_TOO_LARGE, file, size, MAX_BYTES),
                        Advice.of(Advice.Code.WRANGLER_CONFIG_FIX));
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.WRANGLER_CONFIG_UNREADABLE, file, String.valueOf(e.getMessage())),
                    Advice.of(Advice.Code.WRANGLER_CONFIG_PERMISSIONS), e);
        }
        return parse(file, format, text);
    }

    static JsonNode parse(Path file, ConfigFormat format, String text) {
        try {
            JsonNode node = (format == ConfigFormat.TOML ? TOML : JSONC).readTree(text);
            if (node == null || !node.isObject()) {
                throw new UserFacingException(Failure.of(Failure.Code.WRANGLER_CONFIG_EMPTY, file),
                        Advice.of(Advice.Code.WRANGLER_CONFIG_NOT_WORKER));
            }
            return node;
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String kind = format == ConfigFormat.TOML ? "TOML" : "JSON";
            Failure f = loc != null && loc.getLineNr() > 0
                    ? Failure.of(Failure.Code.WRANGLER_CONFIG_INVALID_AT, kind, file, loc.getLineNr(), e.getOriginalMessage())
                    : Failure.of(Failure.Code.WRANGLER_CONFIG_INVALID, kind, file, e.getOriginalMessage());
            throw new UserFacingException(f, Advice.of(Advice.Code.WRANGLER_CONFIG_FIX), e);
        }
    }
}
