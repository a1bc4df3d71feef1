package dev.arcrun.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * Something this install created in the user's account. Uninstall deletes exactly these and nothing else, so an
 * entry is written only for things the install created, never for ones it found and reused.
 *
 * @param name the namespace title, bucket name or worker script name
 * @param id   the KV namespace id; for buckets and workers the name is the id
 */
public record JournalEntry(Kind kind, String name, String id, Instant createdAt) {
    public enum Kind {
        @JsonProperty("kv_namespace") KV_NAMESPACE,
        @JsonProperty("r2_bucket") R2_BUCKET,
        @JsonProperty("worker") WORKER
    }

    public JournalEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    boolean sameThing(JournalEntry other) {
        return kind == other.kind && name.equals(other.name);
    }
}
