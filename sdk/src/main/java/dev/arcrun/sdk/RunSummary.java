package dev.arcrun.sdk;

import java.time.Instant;

/** A run as {@code GET /runs} lists it, newest first. */
public record RunSummary(String runId, String workflow, RunStatus status, Instant startedAt, long durationMs) {}
