package dev.arcrun.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** One line of an install's history, newest last. Versions are null where they do not apply. */
public record HistoryEvent(Instant at, Kind kind, String fromVersion, String toVersion, String detail) {
    public enum Kind {
        @JsonProperty("installed") INSTALLED,
        @JsonProperty("updated") UPDATED,
        @JsonProperty("rolled_back") ROLLED_BACK
    }

    public HistoryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
