package dev.arcrun.app.dashboard;

import dev.arcrun.core.install.StepId;

/** One line of the maintenance step list. */
public record PipelineStep(StepId id, State state, String detail) {
    public enum State { PENDING, RUNNING, DONE, SKIPPED, WARNING, FAILED }

    public String title() {
        return id.title();
    }

    PipelineStep with(State s, String d) {
        return new PipelineStep(id, s, d == null ? detail : d);
    }
}
