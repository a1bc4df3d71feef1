package dev.arcrun.testkit.cloudflare;

/**
 * The token permission groups the stand-in knows, each covering the internal permission keys
 * ({@code x-cfPermissionsRequired}) that start with its prefix.
 */
public enum TokenPermission {
    WORKERS_SCRIPTS_EDIT("com.cloudflare.edge.worker."),
    WORKERS_KV_STORAGE_EDIT("com.cloudflare.edge.storage.kv."),
    WORKERS_R2_STORAGE_EDIT("com.cloudflare.edge.r2."),
    ACCOUNT_SETTINGS_READ("#organization:");

    private final String keyPrefix;

    TokenPermission(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** True when holding this group allows the operation that requires {@code permissionKey}. */
    public boolean covers(String permissionKey) {
        return permissionKey.startsWith(keyPrefix);
    }
}
