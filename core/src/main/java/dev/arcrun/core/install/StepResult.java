package dev.arcrun.core.install;

/** What a step did: its work, or nothing because nothing was needed (and why). */
public sealed interface StepResult {
    record Done(Note summary) implements StepResult {}

    record Skipped(Note reason) implements StepResult {}

    static StepResult done(Note.Code code, Object... args) { return new Done(Note.of(code, args)); }

    static StepResult skipped(Note.Code code, Object... args) { return new Skipped(Note.of(code, args)); }
}
