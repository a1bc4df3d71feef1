package dev.arcrun.core.install;

import java.util.List;

/** How a pipeline run ended. Only {@link Completed} is success. */
public sealed interface PipelineOutcome {
    record Completed(List<StepId> ran, List<StepId> skipped) implements PipelineOutcome {}

    record Failed(StepId step, String cause, String advice) implements PipelineOutcome {}

    record Cancelled(StepId step) implements PipelineOutcome {}

    default boolean success() {
        return this instanceof Completed;
    }
}
