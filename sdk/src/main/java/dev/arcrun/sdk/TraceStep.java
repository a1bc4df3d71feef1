package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One line of a run's trace. {@code input} and {@code output} are whatever JSON the step took and gave (the engine
 * redacts credential values from both); {@code error} is set only when {@code status} is {@link StepStatus#ERROR}.
 * {@code service} is the service whose credentials the step uses (null when none).
 */
public record TraceStep(String step, String component, String service, StepStatus status, Instant startedAt, long durationMs,
                        JsonNode input, JsonNode output, StepError error) {}
