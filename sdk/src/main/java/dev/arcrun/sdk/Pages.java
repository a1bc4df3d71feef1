package dev.arcrun.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Following an engine list's pages, and the query of one page. */
final class Pages {
    /** The most items a page of the engine's lists holds (KV hands out 1,000 keys per call). */
    static final int MAX_LIMIT = 1000;

    private Pages() {}

    /** Every item, page after page; stops when the engine repeats a cursor, so a faulty engine cannot loop us. */
    static <T> List<T> all(Function<String, Page<T>> page) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Page<T> p = page.apply(cursor);
            out.addAll(p.items());
            cursor = p.hasMore() && seen.add(p.cursor()) ? p.cursor() : null;
        } while (cursor != null);
        return out;
    }

    /** {@code path?limit=…&cursor=…&prefix=…} (each only when given), after any query the path already has. */
    static String query(String path, Integer limit, String cursor, String prefix) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " items; " + limit + " was asked for.");
        }
        StringBuilder b = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        if (limit != null) {
            b.append(sep).append("limit=").append(limit);
            sep = '&';
        }
        if (cursor != null) {
            b.append(sep).append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (prefix != null && !prefix.isEmpty()) {
            b.append(sep).append("prefix=").append(URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
