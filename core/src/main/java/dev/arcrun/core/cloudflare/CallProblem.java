package dev.arcrun.core.cloudflare;

import java.util.Locale;
import java.util.Objects;

/**
 * Why one attempt at a Cloudflare call failed, as a fact: the kind and its one value (the timeout, the exception's
 * class name, or the HTTP status with Cloudflare's own errors). Worded by core's catalog
 * ({@code cloudflare.problem.} + id).
 */
public record CallProblem(Kind kind, Object detail) {
    public enum Kind {
        /** No answer within the request timeout ({@code detail}: the timeout, a {@link java.time.Duration}). */
        NO_ANSWER,
        /** The connection failed ({@code detail}: the exception's simple class name). */
        CONNECTION_FAILED,
        /** Cloudflare answered 5xx ({@code detail}: the status and Cloudflare's errors, as it sent them). */
        SERVER_ERROR,
        /** Nothing accepted the connection ({@code detail}: the host). */
        CANNOT_CONNECT,
        /** The host's name could not be looked up: offline, or a wrong API address ({@code detail}: the host). */
        HOST_UNKNOWN,
        /** The secure (TLS) connection failed, e.g. a proxy in the way ({@code detail}: the host). */
        TLS_FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallProblem {
        Objects.requireNonNull(kind);
        detail = detail == null ? "" : detail;
    }

    /** What an I/O failure of one attempt was, in words a user can act on where the cause is known. */
    static CallProblem ofConnection(java.io.IOException e, String host) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return new CallProblem(Kind.HOST_UNKNOWN, host);
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return new CallProblem(Kind.TLS_FAILED, host);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return new CallProblem(Kind.CANNOT_CONNECT, host);
            }
        }
        return new CallProblem(Kind.CONNECTION_FAILED, e.getClass().getSimpleName());
    }

    public String key() {
        return "cloudflare.problem." + kind.id();
    }
}
