package dev.arcrun.core.engineclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A stored run ({@code GET /runs/{id}}, and the items of {@code GET /runs}, which may leave out the trace). */
public record RunRecord(String runId, String workflow, boolean success, Instant startedAt, Long durationMs,
                        JsonNode input, JsonNode output, List<TraceStep> trace) {
    public RunRecord {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }
}
