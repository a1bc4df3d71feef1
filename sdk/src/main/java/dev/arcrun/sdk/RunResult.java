package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to a workflow trigger: whether it succeeded, its run id, the final output (null when it failed), the
 * trace, for a failed run the error with the step it happened in, and the run's own duration as the engine measured
 * it (null from an engine that does not say; the steps' sum is then the best guess).
 */
public record RunResult(boolean success, String runId, RunStatus status, JsonNode output, List<TraceStep> trace,
                        StepError error, Long durationMs) {
    public RunResult {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    public RunResult(boolean success, String runId, RunStatus status, JsonNode output, List<TraceStep> trace,
                     StepError error) {
        this(success, runId, status, output, trace, error, null);
    }

    /** The run's duration: the engine's figure, or the sum of the step times when the engine gave none. */
    public long totalMs() {
        return durationMs != null ? durationMs : trace.stream().mapToLong(TraceStep::durationMs).sum();
    }
}
