package dev.arcrun.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** How far a pipeline step got, saved after every step so {@code --resume} continues where it stopped. */
public record StepState(Status status, Instant at, StepDetail detail) {
    public enum Status {
        @JsonProperty("running") RUNNING,
        @JsonProperty("succeeded") SUCCEEDED,
        @JsonProperty("skipped") SKIPPED,
        @JsonProperty("failed") FAILED;

        /** Finished steps are not run again on resume. */
        public boolean finished() {
            return this == SUCCEEDED || this == SKIPPED;
        }
    }

    public StepState {
        Objects.requireNonNull(status, "status");
    }
}
