package dev.arcrun.app.dashboard;

import dev.arcrun.core.install.StepId;

/** One line of the maintenance step list: the step, its title in the user's language, its state and what it reported. */
public record PipelineStep(StepId id, String title, State state, String detail) {
    public enum State { PENDING, RUNNING, DONE, SKIPPED, WARNING, FAILED }

    PipelineStep with(State s, String d) {
        return new PipelineStep(id, title, s, d == null ? detail : d);
    }
}
