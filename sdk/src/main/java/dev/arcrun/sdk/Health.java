package dev.arcrun.sdk;

/** {@code GET /health}. */
public record Health(boolean ok, String version) {}
