package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.function.BiConsumer;

/** Page-number pagination the way Cloudflare's v4 list endpoints do it. */
final class Pages {
    private Pages() {}

    static <T> ApiResponse of(ApiRequest req, List<T> all, int defaultPerPage, int maxPerPage,
                              BiConsumer<T, ArrayNode> render) {
        int page = Math.max(1, req.intQueryParam("page", 1));
        int perPage = Math.min(maxPerPage, Math.max(1, req.intQueryParam("per_page", defaultPerPage)));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ArrayNode result = ApiResponse.JSON.createArrayNode();
        all.subList(from, to).forEach(item -> render.accept(item, result));
        return ApiResponse.list(result, ApiResponse.pageInfo(page, perPage, to - from, all.size()));
    }
}
