package dev.arcrun.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an install's engine runs. */
public enum Target {
    @JsonProperty("cloudflare") CLOUDFLARE,
    @JsonProperty("local") LOCAL
}
