package dev.arcrun.core.config;

import java.nio.file.Path;

/**
 * Where an install's secrets are kept, as a fact: the faces word it with core's catalog ({@code where.keychain},
 * {@code where.file}, the latter with why no keychain is used) so the user knows.
 */
public sealed interface SecretLocation {

    default boolean inKeychain() {
        return this instanceof Keychain;
    }

    record Keychain(KeychainKind kind) implements SecretLocation {}

    /** @param why why no keychain was used */
    record File(Path folder, KeychainProblem why) implements SecretLocation {}
}
