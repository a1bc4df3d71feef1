package dev.arcrun.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a keychain could not be used, or why secrets are kept in a file instead, as a fact: the reason and its one
 * technical value (a library's message, an exception's class name, a timeout), worded by core's catalog
 * ({@code keychain.problem.} + id). Never holds a secret.
 */
public record KeychainProblem(Reason reason, Object detail) {
    public enum Reason {
        /** {@code ARCRUN_SECRET_STORE=file} is set. */
        FILE_ASKED,
        /** The program chose the file store itself ({@code detail}: its note, for logs). */
        FILE_CHOSEN,
        /** No keychain backend on this computer ({@code detail}: the library's message). */
        NO_BACKEND,
        /** The keychain did not answer in time ({@code detail}: the timeout, a {@link java.time.Duration}). */
        TIMED_OUT,
        /** The keychain refused an operation ({@code detail}: the exception's class name). */
        REFUSED,
        /** What was stored did not come back. */
        NOT_GIVEN_BACK,
        /** The keychain failed otherwise ({@code detail}: the exception's class name). */
        FAILED,
        /** The check was interrupted. */
        INTERRUPTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeychainProblem {
        Objects.requireNonNull(reason);
        detail = detail == null ? "" : detail;
    }

    public static KeychainProblem of(Reason reason) {
        return new KeychainProblem(reason, "");
    }

    public String key() {
        return "keychain.problem." + reason.id();
    }

    @Override
    public String toString() {
        return reason.id() + (String.valueOf(detail).isEmpty() ? "" : " (" + detail + ")");
    }
}
