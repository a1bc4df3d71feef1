package dev.arcrun.core.cloudflare;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The token permission groups the install needs, named as Cloudflare's token page shows them, with the key used in
 * token template URLs and the internal permission keys ({@code x-cfPermissionsRequired} in Cloudflare's API
 * schema) each group grants.
 */
public enum PermissionGroup {
    WORKERS_SCRIPTS_EDIT("Workers Scripts", "Edit", "workers_scripts", "edit", "com.cloudflare.edge.worker."),
    WORKERS_KV_STORAGE_EDIT("Workers KV Storage", "Edit", "workers_kv_storage", "edit",
            "com.cloudflare.edge.storage.kv."),
    WORKERS_R2_STORAGE_EDIT("Workers R2 Storage", "Edit", "workers_r2", "edit", "com.cloudflare.edge.r2."),
    ACCOUNT_SETTINGS_READ("Account Settings", "Read", "account_settings", "read", "#organization:");

    /** Everything the install needs, in the order the token page lists them. */
    public static final List<PermissionGroup> REQUIRED = List.of(values());

    private final String name;
    private final String level;
    private final String templateKey;
    private final String templateType;
    private final String keyPrefix;

    PermissionGroup(String name, String level, String templateKey, String templateType, String keyPrefix) {
        this.name = name;
        this.level = level;
        this.templateKey = templateKey;
        this.templateType = templateType;
        this.keyPrefix = keyPrefix;
    }

    /** As Cloudflare's token page shows it, e.g. "Account › Workers R2 Storage › Edit". */
    public String displayName() {
        return "Account › " + name + " › " + level;
    }

    String templateKey() {
        return templateKey;
    }

    String templateType() {
        return templateType;
    }

    /** The group that grants an internal permission key such as {@code com.cloudflare.edge.r2.bucket.list}. */
    public static Optional<PermissionGroup> forPermissionKey(String permissionKey) {
        return Arrays.stream(values()).filter(g -> permissionKey.startsWith(g.keyPrefix)).findFirst();
    }
}
