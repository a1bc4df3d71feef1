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
        SERVER_ERROR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallProblem {
        Objects.requireNonNull(kind);
        detail = detail == null ? "" : detail;
    }

    public String key() {
        return "cloudflare.problem." + kind.id();
    }
}
