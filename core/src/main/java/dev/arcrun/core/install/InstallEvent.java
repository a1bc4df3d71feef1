package dev.arcrun.core.install;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLevel;
import java.time.Duration;

/**
 * Everything the pipeline tells its faces (CLI, GUI): one sealed type of facts, rendered from core's catalog, never
 * interpreted and never parsed.
 */
public sealed interface InstallEvent {
    StepId step();

    record Started(StepId step) implements InstallEvent {}

    /**
     * {@code fraction} is in [0,1], or negative when the total is unknown. A download (the toolchain's Node.js and npm)
     * also carries its {@code transfer} as numbers for the face to word beside the note.
     */
    record Progress(StepId step, double fraction, Note note, java.util.Optional<Transfer> transfer) implements InstallEvent {
        public Progress(StepId step, double fraction, Note note) {
            this(step, fraction, note, java.util.Optional.empty());
        }

        static Progress of(StepId step, Note note, Transfer t) {
            return new Progress(step, t.total() > 0 ? Math.min(1, (double) t.bytes() / t.total()) : -1, note, java.util.Optional.of(t));
        }
    }

    /** Bytes of a download so far, of {@code total} (negative when unknown), at {@code bytesPerSecond}. */
    record Transfer(long bytes, long total, double bytesPerSecond) {}

    /**
     * A line of tool output (npm, wrangler), already redacted, with the level the tool gave it; or a line of Arcrun's
     * own, whose {@code note} the faces word ({@code text} is then its English wording, as the log file has it).
     */
    record Log(StepId step, String source, String text, LogLevel level, java.util.Optional<Note> note) implements InstallEvent {
        public Log {
            java.util.Objects.requireNonNull(note, "note");
        }

        /** A tool's line: its own words. */
        public Log(StepId step, String source, String text, LogLevel level) {
            this(step, source, text, level, java.util.Optional.empty());
        }
    }

    record Succeeded(StepId step, Note summary, Duration took) implements InstallEvent {}

    record Skipped(StepId step, Note reason) implements InstallEvent {}

    /** A problem that does not fail the step (e.g. the engine URL is not reachable yet). */
    record Warning(StepId step, Failure problem, Advice advice) implements InstallEvent {}

    record Failed(StepId step, Failure cause, Advice advice) implements InstallEvent {}

    /** The user stopped the run during this step; it stays resumable. */
    record Cancelled(StepId step) implements InstallEvent {}
}
