package dev.arcrun.sdk;

/**
 * A failure the SDK's caller can act on: {@link #kind()} says what went wrong without words (a face words it in its
 * user's language), {@link #subject()} the engine URL or name it concerns; the message and {@link #advice()} are the
 * same in English, for developers and logs. Neither ever holds a key or a credential value. The engine's failures are
 * {@link EngineException}s; bad input (an unusable URL or key, a workflow without a name) is reported as this type
 * itself.
 */
public class ArcrunException extends RuntimeException {
    /** What went wrong, as a fact. */
    public enum Kind {
        /** Nothing answered at the engine URL. */
        ENGINE_UNREACHABLE,
        /** The engine closed the connection before it answered. */
        ENGINE_STOPPED,
        /** A server error that is not the engine's API answer. */
        ENGINE_NOT_WORKING,
        /** The engine did not answer in time. */
        ENGINE_TIMED_OUT,
        /** The engine answered with an error of its own ({@link EngineApiException}: its code says which). */
        ENGINE_REFUSED,
        /** The engine's answer has a shape this SDK does not know (another version). */
        ANSWER_UNKNOWN,
        /** No engine URL was given. */
        URL_MISSING,
        /** The engine URL is not an http(s) URL. */
        URL_INVALID,
        /** Plain http to an engine on another computer. */
        PLAIN_HTTP,
        /** No api key was given. */
        API_KEY_MISSING,
        /** The install's api key is kept for its own engine and this is another ({@link #subject()}). */
        API_KEY_WITHHELD,
        /** No encryption key was given. */
        ENCRYPTION_KEY_MISSING,
        /** The install's encryption key is kept for its own engine and this is another ({@link #subject()}). */
        ENCRYPTION_KEY_WITHHELD,
        /** The encryption key is not 32 bytes of base64. */
        ENCRYPTION_KEY_INVALID,
        /** The same secret was given twice. */
        SECRET_TWICE,
        /** A secret the service does not take ({@link #subject()}; {@link #values()}: the service, what it takes). */
        SECRET_UNKNOWN,
        /** Secrets the service needs were not given ({@link #subject()}; {@link #values()}: the service, what it takes). */
        SECRETS_MISSING,
        /** A workflow document without a name. */
        WORKFLOW_UNNAMED,
        /** Anything else (a subclass from outside the SDK). */
        OTHER
    }

    private final Kind kind;
    private final String subject;
    private final String advice;
    private final java.util.List<String> values;

    public ArcrunException(String message, String advice) {
        this(message, advice, null);
    }

    public ArcrunException(String message, String advice, Throwable cause) {
        this(Kind.OTHER, "", message, advice, cause);
    }

    public ArcrunException(Kind kind, String subject, String message, String advice) {
        this(kind, subject, message, advice, null);
    }

    public ArcrunException(Kind kind, String subject, String message, String advice, Throwable cause) {
        this(kind, subject, java.util.List.of(), message, advice, cause);
    }

    public ArcrunException(Kind kind, String subject, java.util.List<String> values, String message, String advice,
                           Throwable cause) {
        super(message, cause);
        this.values = java.util.List.copyOf(values);
        this.kind = kind == null ? Kind.OTHER : kind;
        this.subject = subject == null ? "" : subject;
        this.advice = advice == null ? "" : advice;
    }

    public Kind kind() {
        return kind;
    }

    /** The engine URL, secret or name the failure concerns; empty when it concerns none. */
    public String subject() {
        return subject;
    }

    /** Further values the failure names, as {@link Kind} says (never a secret's value). */
    public java.util.List<String> values() {
        return values;
    }

    public String advice() {
        return advice;
    }

    /** Message and advice as one line. */
    public String oneLine() {
        return advice.isEmpty() ? getMessage() : getMessage() + " " + advice;
    }
}
