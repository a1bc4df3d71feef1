package dev.arcrun.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one step of a run ended. */
public enum StepStatus {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR,
    @JsonProperty("skipped") SKIPPED
}
