package dev.arcrun.core.deploy;

import dev.arcrun.core.Failure;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** How one worker's deploy ended. A worker is {@link Deployed} only when wrangler itself reported success. */
public sealed interface WorkerOutcome {

    String name();

    /** wrangler exited 0 (and so did its secret upload, when there were secrets). */
    record Deployed(String name, Optional<String> url, Optional<String> versionId) implements WorkerOutcome {
    }

    /**
     * wrangler failed, timed out or was cancelled. {@code exitCode} is empty when it was stopped rather than exiting;
     * {@code reason} says which (a fact, worded by the faces); {@code lastLines} are wrangler's own last lines
     * (redacted), to show the user why.
     */
    record Failed(String name, OptionalInt exitCode, Failure reason, List<String> lastLines) implements WorkerOutcome {
    }

    /** Not attempted: an earlier tier failed, or the deploy was cancelled first ({@code reason}, a fact). */
    record NotRun(String name, Failure reason) implements WorkerOutcome {
    }
}
