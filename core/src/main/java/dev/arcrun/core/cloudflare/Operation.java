package dev.arcrun.core.cloudflare;

import java.util.Optional;

/**
 * Every Cloudflare call the client makes, with Cloudflare's operationId (null when the call is not in the
 * contract slice) and the internal permission key the operation requires, so a denial can name the missing
 * permission group. A test checks these against Cloudflare's schema.
 */
public enum Operation {
    LIST_ACCOUNTS("GET", "/accounts", "accounts-list-accounts", "#organization:read"),
    VERIFY_USER_TOKEN("GET", "/user/tokens/verify", "user-api-tokens-verify-token", null),
    VERIFY_ACCOUNT_TOKEN("GET", "/accounts/{account_id}/tokens/verify", null, null),
    LIST_KV_NAMESPACES("GET", "/accounts/{account_id}/storage/kv/namespaces",
            "workers-kv-namespace-list-namespaces", "com.cloudflare.edge.storage.kv.namespace.list"),
    CREATE_KV_NAMESPACE("POST", "/accounts/{account_id}/storage/kv/namespaces",
            "workers-kv-namespace-create-a-namespace", "com.cloudflare.edge.storage.kv.namespace.create"),
    KV_BULK_WRITE("PUT", "/accounts/{account_id}/storage/kv/namespaces/{namespace_id}/bulk",
            "workers-kv-namespace-write-multiple-key-value-pairs", "com.cloudflare.edge.storage.kv.key.update"),
    LIST_R2_BUCKETS("GET", "/accounts/{account_id}/r2/buckets", "r2-list-buckets",
            "com.cloudflare.edge.r2.bucket.list"),
    GET_R2_BUCKET("GET", "/accounts/{account_id}/r2/buckets/{bucket_name}", "r2-get-bucket",
            "com.cloudflare.edge.r2.bucket.read"),
    CREATE_R2_BUCKET("POST", "/accounts/{account_id}/r2/buckets", "r2-create-bucket",
            "com.cloudflare.edge.r2.bucket.create"),
    // R2 objects are outside the contract slice (Cloudflare's schema of 2024-08-01 has no object paths); wrangler's
    // r2 object commands use these paths. No permission key is published for them: the bucket keys, granted by the
    // same group (Workers R2 Storage), let a denial name the group to add.
    LIST_R2_OBJECTS("GET", "/accounts/{account_id}/r2/buckets/{bucket_name}/objects", null,
            "com.cloudflare.edge.r2.bucket.read"),
    DELETE_R2_OBJECT("DELETE", "/accounts/{account_id}/r2/buckets/{bucket_name}/objects/{object_key}", null,
            "com.cloudflare.edge.r2.bucket.delete"),
    GET_SUBDOMAIN("GET", "/accounts/{account_id}/workers/subdomain", "worker-subdomain-get-subdomain",
            "com.cloudflare.edge.worker.cron.subdomain.read"),
    CREATE_SUBDOMAIN("PUT", "/accounts/{account_id}/workers/subdomain", "worker-subdomain-create-subdomain",
            "com.cloudflare.edge.worker.cron.subdomain.create"),
    LIST_SCRIPTS("GET", "/accounts/{account_id}/workers/scripts", "worker-script-list-workers",
            "com.cloudflare.edge.worker.script.list"),
    DELETE_KV_NAMESPACE("DELETE", "/accounts/{account_id}/storage/kv/namespaces/{namespace_id}",
            "workers-kv-namespace-remove-a-namespace", "com.cloudflare.edge.storage.kv.namespace.delete"),
    DELETE_R2_BUCKET("DELETE", "/accounts/{account_id}/r2/buckets/{bucket_name}", "r2-delete-bucket",
            "com.cloudflare.edge.r2.bucket.delete"),
    DELETE_SCRIPT("DELETE", "/accounts/{account_id}/workers/scripts/{script_name}", "worker-script-delete-worker",
            "com.cloudflare.edge.worker.script.delete");

    private final String method;
    private final String pathTemplate;
    private final String operationId;
    private final String permissionKey;

    Operation(String method, String pathTemplate, String operationId, String permissionKey) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.operationId = operationId;
        this.permissionKey = permissionKey;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    public Optional<String> permissionKey() {
        return Optional.ofNullable(permissionKey);
    }

    /**
     * The catalog key of what the call does, for sentences such as "Cloudflare refused listing KV namespaces"
     * ({@code operation.list_kv_namespaces}); a face words it with {@code Messages.word(operation)}.
     */
    public String key() {
        return "operation." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<PermissionGroup> permissionGroup() {
        return permissionKey().flatMap(PermissionGroup::forPermissionKey);
    }
}
