package dev.arcrun.sdk;

/**
 * A failure the SDK's caller can act on: the message says what went wrong and {@link #advice()} what to do about
 * it. Neither ever holds a key or a credential value. The engine's failures are {@link EngineException}s; bad input
 * (an unusable URL or key, a workflow without a name) is reported as this type itself.
 */
public class ArcrunException extends RuntimeException {
    private final String advice;

    public ArcrunException(String message, String advice) {
        this(message, advice, null);
    }

    public ArcrunException(String message, String advice, Throwable cause) {
        super(message, cause);
        this.advice = advice == null ? "" : advice;
    }

    public String advice() {
        return advice;
    }

    /** Message and advice as one line. */
    public String oneLine() {
        return advice.isEmpty() ? getMessage() : getMessage() + " " + advice;
    }
}
