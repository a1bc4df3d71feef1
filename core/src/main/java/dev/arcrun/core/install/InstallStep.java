package dev.arcrun.core.install;

/** One step of the pipeline. It must be safe to run again after a crash: every step is idempotent. */
public interface InstallStep {
    StepId id();

    /**
     * Does the work (or finds nothing to do) and says so in one line for the report. Failures are thrown; a
     * {@link dev.arcrun.core.UserFacingException} carries the advice shown to the user.
     */
    StepResult run(StepReporter reporter) throws Exception;
}
