package dev.arcrun.core.config;

import java.util.Optional;

/**
 * Keeps the api key, the encryption key and the Cloudflare token of each install out of the config: in the OS
 * keychain, or an owner-only file when there is none. Obtain one with {@link SecretStores#open}. Implementations never
 * put a secret value in an exception message or in {@code toString()}.
 */
public interface SecretStore {
    Optional<String> get(String install, SecretKind kind);

    void put(String install, SecretKind kind, String value);

    /** Removes the secret; removing one that is not there is fine. */
    void delete(String install, SecretKind kind);

    SecretLocation location();

    /** Removes every secret of the install (uninstall). */
    default void deleteAll(String install) {
        for (SecretKind kind : SecretKind.values()) {
            delete(install, kind);
        }
    }
}
