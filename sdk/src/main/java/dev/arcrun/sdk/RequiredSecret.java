package dev.arcrun.sdk;

/** A secret a service needs, e.g. key {@code openai_api_key} (always prefixed by the service), label "API key". */
public record RequiredSecret(String key, String label) {}
