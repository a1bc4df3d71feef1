package dev.arcrun.core.local;

/** Where the engine on this computer stands. */
public sealed interface LocalStatus {

    /** Answering on {@code url}; {@code version} is what its /health said. */
    record Running(String url, long pid, int port, String version) implements LocalStatus {
    }

    /** Not running (no process, or only a stale record of one, now removed). */
    record Stopped() implements LocalStatus {
    }

    /**
     * The process is alive but /health does not answer (starting, or hung), or wrangler is gone and its children
     * live on; {@code reason} says which, as a fact. {@code start} restarts it.
     */
    record Unhealthy(String url, long pid, dev.arcrun.core.Failure reason) implements LocalStatus {
    }
}
