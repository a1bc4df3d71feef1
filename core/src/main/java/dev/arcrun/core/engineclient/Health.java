package dev.arcrun.core.engineclient;

/** {@code GET /health}. */
public record Health(boolean ok, String version) {}
