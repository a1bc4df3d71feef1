package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Workers KV: namespaces (listed page 1 first, the rest concurrently), bulk writes, deletion. */
final class KvApi {
    /** Largest page the KV namespace list allows. */
    static final int PAGE_SIZE = 100;
    static final int TITLE_EXISTS = 10014;

    private final CloudflareHttp http;
    private final Parallel parallel;

    KvApi(CloudflareHttp http, Parallel parallel) {
        this.http = http;
        this.parallel = parallel;
    }

    List<KvNamespace> list(String accountId) {
        CloudflareHttp.Reply first = page(accountId, 1);
        List<KvNamespace> all = new ArrayList<>(namespaces(first));
        List<CompletableFuture<List<KvNamespace>>> rest = new ArrayList<>();
        for (int page = 2; page <= Pages.total(first); page++) {
            int p = page;
            rest.add(parallel.async(() -> namespaces(page(accountId, p))));
        }
        Parallel.join(rest).forEach(all::addAll);
        return all;
    }

    private CloudflareHttp.Reply page(String accountId, int page) {
        return http.send(CloudflareHttp.Call.of(Operation.LIST_KV_NAMESPACES, accountId)
                .query("page", page).query("per_page", PAGE_SIZE));
    }

    private static List<KvNamespace> namespaces(CloudflareHttp.Reply reply) {
        List<KvNamespace> out = new ArrayList<>();
        reply.result().forEach(n -> out.add(new KvNamespace(n.path("id").asText(), n.path("title").asText())));
        return out;
    }

    KvNamespace create(String accountId, String title) {
        JsonNode r = http.send(CloudflareHttp.Call.of(Operation.CREATE_KV_NAMESPACE, accountId)
                .body(Map.of("title", title))).result();
        return new KvNamespace(r.path("id").asText(), r.path("title").asText());
    }

    int bulkWrite(String accountId, String namespaceId, List<KvPair> pairs) {
        List<List<KvPair>> batches = KvBatches.split(pairs);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (List<KvPair> batch : batches) {
            writes.add(parallel.async(() -> {
                http.send(CloudflareHttp.Call.of(Operation.KV_BULK_WRITE, accountId, namespaceId)
                        .body(batch.stream().map(KvBatches::body).toList()));
                return null;
            }));
        }
        Parallel.join(writes);
        return batches.size();
    }

    boolean delete(String accountId, String namespaceId) {
        return Absent.deleted(http, CloudflareHttp.Call.of(Operation.DELETE_KV_NAMESPACE, accountId, namespaceId));
    }
}
