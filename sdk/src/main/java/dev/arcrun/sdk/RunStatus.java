package dev.arcrun.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a whole run ended. */
public enum RunStatus {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR
}
