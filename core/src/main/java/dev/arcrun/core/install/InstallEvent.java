package dev.arcrun.core.install;

import java.time.Duration;

/** Everything the pipeline tells its faces (CLI, GUI): one sealed type, rendered, never interpreted. */
public sealed interface InstallEvent {
    StepId step();

    record Started(StepId step) implements InstallEvent {}

    /** {@code fraction} is in [0,1], or negative when the total is unknown. */
    record Progress(StepId step, double fraction, String message) implements InstallEvent {}

    /** A line of tool output (npm, wrangler), already redacted. */
    record Log(StepId step, String source, String text, boolean error) implements InstallEvent {}

    record Succeeded(StepId step, String summary, Duration took) implements InstallEvent {}

    record Skipped(StepId step, String reason) implements InstallEvent {}

    /** A warning that does not fail the step (e.g. the engine URL is not reachable yet). */
    record Warning(StepId step, String message, String advice) implements InstallEvent {}

    record Failed(StepId step, String cause, String advice) implements InstallEvent {}
}
