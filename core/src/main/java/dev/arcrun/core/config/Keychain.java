package dev.arcrun.core.config;

import java.util.Optional;

/** The few keychain operations arcrun uses; {@link JavaKeyringKeychain} is the real one. */
public interface Keychain {
    Optional<String> get(String service, String account) throws KeychainException;

    void set(String service, String account, String secret) throws KeychainException;

    void delete(String service, String account) throws KeychainException;

    /** The keychain's name as a user knows it ("macOS Keychain", "Windows Credential Manager", …). */
    String name();

    /** Opens the OS keychain, or says why it cannot. */
    @FunctionalInterface
    interface Opener {
        Keychain open() throws KeychainException;
    }

    /** A keychain failure; its message never contains a secret. */
    final class KeychainException extends Exception {
        public KeychainException(String message) {
            super(message);
        }
    }
}
