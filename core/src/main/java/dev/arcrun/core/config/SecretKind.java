package dev.arcrun.core.config;

/** The secrets arcrun keeps for each install. */
public enum SecretKind {
    API_KEY("api-key", "engine api key"),
    ENCRYPTION_KEY("encryption-key", "credential encryption key"),
    CLOUDFLARE_TOKEN("cloudflare-token", "Cloudflare API token");

    private final String id;
    private final String label;

    SecretKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable name used as the keychain account and the file key. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
