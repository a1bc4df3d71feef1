package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits KV pairs into bulk requests within Cloudflare's limits for one request: at most 10,000 pairs and
 * 100 MB of body.
 */
public final class KvBatches {

    public static final int MAX_PAIRS = 10_000;
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    private KvBatches() {}

    public static List<List<KvPair>> split(List<KvPair> pairs) {
        return split(pairs, MAX_PAIRS, MAX_BYTES);
    }

    /** Keeps the input order; each batch's JSON array body stays within {@code maxBytes}. */
    static List<List<KvPair>> split(List<KvPair> pairs, int maxPairs, long maxBytes) {
        List<List<KvPair>> batches = new ArrayList<>();
        List<KvPair> current = new ArrayList<>();
        long currentBytes = 2; // "[" and "]"
        for (KvPair pair : pairs) {
            long size = encodedSize(pair) + 1; // plus the separating comma
            if (size + 2 > maxBytes) {
                throw new UserFacingException(Failure.of(Failure.Code.KV_VALUE_TOO_LARGE, pair.key(), size),
                        Advice.of(Advice.Code.KV_VALUE_LIMIT));
            }
            if (!current.isEmpty() && (current.size() >= maxPairs || currentBytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 2;
            }
            current.add(pair);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static Object body(KvPair p) {
        return p.base64() ? Map.of("key", p.key(), "value", p.value(), "base64", true)
                : Map.of("key", p.key(), "value", p.value());
    }

    private static long encodedSize(KvPair p) {
        try {
            return CloudflareHttp.JSON.writeValueAsBytes(body(p)).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
