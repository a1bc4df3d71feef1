package dev.arcrun.core.install;

import java.time.Duration;

/** Everything the pipeline tells its faces (CLI, GUI): one sealed type, rendered, never interpreted. */
public sealed interface InstallEvent {
    StepId step();

    record Started(StepId step) implements InstallEvent {}

    /**
     * {@code fraction} is in [0,1], or negative when the total is unknown. A download (the toolchain's Node.js and npm)
     * carries its {@code transfer} as numbers for the face to word; its {@code message} is then empty.
     */
    record Progress(StepId step, double fraction, String message, java.util.Optional<Transfer> transfer) implements InstallEvent {
        public Progress(StepId step, double fraction, String message) {
            this(step, fraction, message, java.util.Optional.empty());
        }

        static Progress of(StepId step, Transfer t) {
            return new Progress(step, t.total() > 0 ? Math.min(1, (double) t.bytes() / t.total()) : -1, "", java.util.Optional.of(t));
        }
    }

    /** Bytes of a download so far, of {@code total} (negative when unknown), at {@code bytesPerSecond}. */
    record Transfer(long bytes, long total, double bytesPerSecond) {}

    /** A line of tool output (npm, wrangler), already redacted. */
    record Log(StepId step, String source, String text, boolean error) implements InstallEvent {}

    record Succeeded(StepId step, String summary, Duration took) implements InstallEvent {}

    record Skipped(StepId step, String reason) implements InstallEvent {}

    /** A warning that does not fail the step (e.g. the engine URL is not reachable yet). */
    record Warning(StepId step, String message, String advice) implements InstallEvent {}

    record Failed(StepId step, String cause, String advice) implements InstallEvent {}
}
