package dev.arcrun.core.config;

import java.nio.file.Path;

/** Where an install's secrets are kept; the app and the CLI show {@link #notice()} so the user knows. */
public sealed interface SecretLocation {

    /** A human sentence: where the secrets are and, for the file, why not the keychain. */
    String notice();

    default boolean inKeychain() {
        return this instanceof Keychain;
    }

    record Keychain(String name) implements SecretLocation {
        @Override
        public String notice() {
            return "Secrets are kept in the " + name + ".";
        }
    }

    /** @param reason why no keychain was used */
    record File(Path folder, String reason) implements SecretLocation {
        @Override
        public String notice() {
            return "Secrets are kept in a file readable only by you (" + folder + "), not in a keychain: "
                    + reason + ".";
        }
    }
}
