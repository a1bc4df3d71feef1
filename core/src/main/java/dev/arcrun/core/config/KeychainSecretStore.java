package dev.arcrun.core.config;

import java.util.Optional;

/**
 * Secrets in the OS keychain, one entry per install and kind (service {@code arcrun}, account
 * {@code <install>/<kind>}). Secrets written to the file store while no keychain was reachable are still read, and
 * move to the keychain the next time they are written.
 */
final class KeychainSecretStore implements SecretStore {
    static final String SERVICE = "arcrun";

    private final Keychain keychain;
    private final FileSecretStore earlier;
    private final SecretLocation location;

    KeychainSecretStore(Keychain keychain, FileSecretStore earlier) {
        this.keychain = keychain;
        this.earlier = earlier;
        this.location = new SecretLocation.Keychain(keychain.name());
    }

    @Override
    public Optional<String> get(String install, SecretKind kind) {
        try {
            Optional<String> found = keychain.get(SERVICE, account(install, kind));
            return found.isPresent() ? found : earlier.get(install, kind);
        } catch (Keychain.KeychainException e) {
            throw failure("read", kind, e);
        }
    }

    @Override
    public void put(String install, SecretKind kind, String value) {
        try {
            keychain.set(SERVICE, account(install, kind), value);
        } catch (Keychain.KeychainException e) {
            throw failure("store", kind, e);
        }
        earlier.delete(install, kind);
    }

    @Override
    public void delete(String install, SecretKind kind) {
        try {
            keychain.delete(SERVICE, account(install, kind));
        } catch (Keychain.KeychainException e) {
            throw failure("delete", kind, e);
        }
        earlier.delete(install, kind);
    }

    @Override
    public SecretLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return "KeychainSecretStore[" + keychain.name() + "]";
    }

    private static String account(String install, SecretKind kind) {
        return InstallName.require(install) + "/" + kind.id();
    }

    private dev.arcrun.core.UserFacingException failure(String verb, SecretKind kind, Keychain.KeychainException e) {
        return new dev.arcrun.core.UserFacingException("Could not " + verb + " the " + kind.label() + " in the "
                + keychain.name() + ": " + e.getMessage() + ".",
                "Unlock the keychain and try again, or set ARCRUN_SECRET_STORE=file to keep secrets in an owner-only file.");
    }
}
