package dev.arcrun.core.install;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import java.util.List;

/** How a pipeline run ended. Only {@link Completed} is success. */
public sealed interface PipelineOutcome {
    /** @param engineUrl where the engine answers (null only when no step recorded one) */
    record Completed(List<StepId> ran, List<StepId> skipped, String engineUrl) implements PipelineOutcome {}

    record Failed(StepId step, Failure cause, Advice advice) implements PipelineOutcome {}

    record Cancelled(StepId step) implements PipelineOutcome {}

    default boolean success() {
        return this instanceof Completed;
    }
}
