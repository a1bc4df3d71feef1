package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning found or did. {@link #toJson()} is the documented shape of {@code arcrun cf provision --json},
 * which {@code arcrun bundle inject --resources FILE} reads:
 * {@code {"account_id", "kv":[{"binding","title","id","action"}], "r2":[{"binding","name","action"}], "subdomain"}}.
 */
public record ProvisionResult(String accountId, List<KvResult> kv, List<R2Result> r2, Optional<String> subdomain) {

    public enum Action {
        CREATED("created"), EXISTS("exists"), WOULD_CREATE("would-create");

        private final String json;

        Action(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** @param id empty for a namespace that would be created (dry run) */
    public record KvResult(String binding, String title, Optional<String> id, Action action) {}

    public record R2Result(String binding, String name, Action action) {}

    public ProvisionResult {
        kv = List.copyOf(kv);
        r2 = List.copyOf(r2);
    }

    public long created() {
        return kv.stream().filter(k -> k.action() == Action.CREATED).count()
                + r2.stream().filter(b -> b.action() == Action.CREATED).count();
    }

    public ObjectNode toJson() {
        ObjectNode root = CloudflareHttp.JSON.createObjectNode();
        root.put("account_id", accountId);
        ArrayNode kvs = root.putArray("kv");
        for (KvResult k : kv) {
            ObjectNode o = kvs.addObject();
            o.put("binding", k.binding());
            o.put("title", k.title());
            if (k.id().isPresent()) {
                o.put("id", k.id().get());
            } else {
                o.putNull("id");
            }
            o.put("action", k.action().json());
        }
        ArrayNode r2s = root.putArray("r2");
        for (R2Result b : r2) {
            ObjectNode o = r2s.addObject();
            o.put("binding", b.binding());
            o.put("name", b.name());
            o.put("action", b.action().json());
        }
        if (subdomain.isPresent()) {
            root.put("subdomain", subdomain.get());
        } else {
            root.putNull("subdomain");
        }
        return root;
    }
}
