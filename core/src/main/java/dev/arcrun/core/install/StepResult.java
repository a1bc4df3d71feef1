package dev.arcrun.core.install;

/** What a step did: its work, or nothing because nothing was needed (and why). */
public sealed interface StepResult {
    record Done(String summary) implements StepResult {}

    record Skipped(String reason) implements StepResult {}

    static StepResult done(String summary) { return new Done(summary); }

    static StepResult skipped(String reason) { return new Skipped(reason); }
}
