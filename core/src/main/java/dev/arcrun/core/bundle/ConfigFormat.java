package dev.arcrun.core.bundle;

import java.util.Optional;

/** The wrangler config formats, in wrangler's own order of precedence when a folder has more than one. */
public enum ConfigFormat {
    JSON("wrangler.json"), JSONC("wrangler.jsonc"), TOML("wrangler.toml");

    private final String fileName;

    ConfigFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<ConfigFormat> of(String fileName) {
        for (ConfigFormat f : values()) {
            if (f.fileName.equals(fileName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
