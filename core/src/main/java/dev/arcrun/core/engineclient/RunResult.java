package dev.arcrun.core.engineclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The answer to a workflow trigger: whether it succeeded, its run id, the final output and the trace. */
public record RunResult(boolean success, String runId, JsonNode output, List<TraceStep> trace) {
    public RunResult {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    /** The step that failed, if any. */
    public java.util.Optional<TraceStep> failedStep() {
        return trace.stream().filter(s -> s.status() == StepStatus.ERROR).findFirst();
    }
}
