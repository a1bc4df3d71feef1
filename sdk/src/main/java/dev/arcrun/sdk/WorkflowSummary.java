package dev.arcrun.sdk;

import java.time.Instant;

/** A stored workflow as {@code GET /webhooks/named} lists it. */
public record WorkflowSummary(String name, String description, int steps, Instant updatedAt) {}
