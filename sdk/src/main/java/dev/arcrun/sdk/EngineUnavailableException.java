package dev.arcrun.sdk;

/**
 * The engine was reached but is not working: it stopped while answering (the runtime was killed or crashed
 * mid-request), or it answered a server error that is not the engine's API answer (a plain-text or HTML page from
 * the runtime or a proxy). Its body is never shown: it may hold a stack trace or internals.
 */
public final class EngineUnavailableException extends EngineException {
    /** What was seen. */
    public enum Reason {
        /** The connection closed before a whole answer came back. */
        STOPPED,
        /** A 5xx answer without the engine's JSON error. */
        NOT_AN_API_ANSWER
    }

    private final String url;
    private final Reason reason;
    private final int status;

    EngineUnavailableException(String url, Reason reason, int status, String what) {
        super(reason == Reason.STOPPED ? Kind.ENGINE_STOPPED : Kind.ENGINE_NOT_WORKING, url, reason == Reason.STOPPED
                        ? "The engine at " + url + " stopped before it answered (" + what + ")."
                        : "The engine at " + url + " is not working: it answered HTTP " + status + " without an API answer ("
                                + what + ").",
                "Start the engine again and retry; look at its log if it happens again.");
        this.url = url;
        this.reason = reason;
        this.status = status;
    }

    public String url() {
        return url;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for {@link Reason#NOT_AN_API_ANSWER}, else 0. */
    public int status() {
        return status;
    }
}
