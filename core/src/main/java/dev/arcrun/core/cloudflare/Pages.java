package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads Cloudflare's page-numbered result_info. */
final class Pages {
    private Pages() {
    }

    static int total(CloudflareHttp.Reply reply) {
        JsonNode info = reply.envelope().path("result_info");
        if (info.has("total_pages")) {
            return info.get("total_pages").asInt(1);
        }
        int perPage = Math.max(1, info.path("per_page").asInt(1));
        return (int) Math.ceil(info.path("total_count").asDouble(0) / perPage);
    }
}
