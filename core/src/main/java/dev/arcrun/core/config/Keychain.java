package dev.arcrun.core.config;

import java.util.Optional;

/** The few keychain operations arcrun uses; {@link JavaKeyringKeychain} is the real one. */
public interface Keychain {
    Optional<String> get(String service, String account) throws KeychainException;

    void set(String service, String account, String secret) throws KeychainException;

    void delete(String service, String account) throws KeychainException;

    /** Which keychain this is; the faces word it in the user's language ("macOS Keychain", …). */
    KeychainKind kind();

    /** Opens the OS keychain, or says why it cannot. */
    @FunctionalInterface
    interface Opener {
        Keychain open() throws KeychainException;
    }

    /** A keychain failure, as a fact ({@link #problem()}); it never contains a secret. */
    final class KeychainException extends Exception {
        private final KeychainProblem problem;

        public KeychainException(KeychainProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public KeychainException(KeychainProblem.Reason reason, Object detail) {
            this(new KeychainProblem(reason, detail));
        }

        public KeychainProblem problem() {
            return problem;
        }
    }
}
