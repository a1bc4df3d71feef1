package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads wrangler configs into a tree: TOML with Jackson's TOML module, JSON(C) with comments and trailing commas. */
final class ConfigReader {
    private static final ObjectMapper TOML = new TomlMapper();
    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private ConfigReader() {}

    static JsonNode read(Path file, ConfigFormat format) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage(), "Check the file's permissions.");
        }
        return parse(file, format, text);
    }

    static JsonNode parse(Path file, ConfigFormat format, String text) {
        try {
            JsonNode node = (format == ConfigFormat.TOML ? TOML : JSONC).readTree(text);
            if (node == null || !node.isObject()) {
                throw new UserFacingException(file + " is not a wrangler config: it holds no settings.",
                        "Fix the file, or remove it if the folder is not a worker.");
            }
            return node;
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String where = loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() : "";
            throw new UserFacingException("Invalid " + format.fileName() + " " + file + where + ": " + e.getOriginalMessage(),
                    "Fix the file (the bundle is broken), or use another bundle.", e);
        }
    }
}
