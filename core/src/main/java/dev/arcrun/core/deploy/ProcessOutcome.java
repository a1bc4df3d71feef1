package dev.arcrun.core.deploy;

import java.time.Duration;
import java.util.List;

/** How a streamed process ended. Every outcome keeps the last lines (already redacted) for error reports. */
public sealed interface ProcessOutcome {

    List<String> lastLines();

    /** The process exited by itself with this code. */
    record Exited(int exitCode, List<String> lastLines) implements ProcessOutcome {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** It ran past its timeout and was stopped, with its children. */
    record TimedOut(Duration timeout, List<String> lastLines) implements ProcessOutcome {
    }

    /** The user cancelled; it was stopped, with its children. */
    record Cancelled(List<String> lastLines) implements ProcessOutcome {
    }

    default boolean succeeded() {
        return this instanceof Exited e && e.exitCode() == 0;
    }
}
