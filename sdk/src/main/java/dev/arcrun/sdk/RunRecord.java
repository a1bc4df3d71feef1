package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A stored run ({@code GET /runs/{id}}) with its input and trace. */
public record RunRecord(String runId, String workflow, RunStatus status, JsonNode input, JsonNode output,
                        StepError error, List<TraceStep> trace, Instant startedAt, Instant finishedAt, long durationMs) {
    public RunRecord {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }
}
