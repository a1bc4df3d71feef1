package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to a workflow trigger: whether it succeeded, its run id, the final output (null when it failed), the
 * trace, and for a failed run the error with the step it happened in.
 */
public record RunResult(boolean success, String runId, RunStatus status, JsonNode output, List<TraceStep> trace,
                        StepError error) {
    public RunResult {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }
}
