package dev.arcrun.core.config;

/** The secrets arcrun keeps for each install. */
public enum SecretKind {
    API_KEY("api-key"),
    ENCRYPTION_KEY("encryption-key"),
    CLOUDFLARE_TOKEN("cloudflare-token");

    private final String id;

    SecretKind(String id) {
        this.id = id;
    }

    /** Stable name used as the keychain account and the file key. */
    public String id() {
        return id;
    }

    /** The catalog key of its name for users ({@code secret.api_key}: "engine API key"). */
    public String key() {
        return "secret." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
