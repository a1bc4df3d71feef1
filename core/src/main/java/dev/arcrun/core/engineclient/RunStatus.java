package dev.arcrun.core.engineclient;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a whole run ended. */
public enum RunStatus {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR
}
