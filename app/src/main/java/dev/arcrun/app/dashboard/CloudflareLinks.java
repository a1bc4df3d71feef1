package dev.arcrun.app.dashboard;

import dev.arcrun.core.config.JournalEntry;

/** Where the Cloudflare dashboard shows an install's account and each resource it created. */
final class CloudflareLinks {
    private static final String DASH = "https://dash.cloudflare.com/";

    private CloudflareLinks() {}

    static String account(String account) {
        return DASH + account;
    }

    static String of(String account, JournalEntry e) {
        return switch (e.kind()) {
            case KV_NAMESPACE -> DASH + account + "/workers/kv/namespaces/" + (e.id() == null ? e.name() : e.id());
            case R2_BUCKET -> DASH + account + "/r2/default/buckets/" + e.name();
            case WORKER -> DASH + account + "/workers/services/view/" + e.name() + "/production";
        };
    }

    static String kv(String account, String id) {
        return DASH + account + "/workers/kv/namespaces/" + id;
    }

    static String bucket(String account, String name) {
        return DASH + account + "/r2/default/buckets/" + name;
    }
}
