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
        this.location = new SecretLocation.Keychain(keychain.kind());
    }

    @Override
    public Optional<String> get(String install, SecretKind kind) {
        try {
            Optional<String> found = keychain.get(SERVICE, account(install, kind));
            return found.isPresent() ? found : earlier.get(install, kind);
        } catch (Keychain.KeychainException e) {
            throw failure(dev.arcrun.core.Failure.Code.KEYCHAIN_READ_FAILED, kind, e);
        }
    }

    @Override
    public void put(String install, SecretKind kind, String value) {
        try {
            keychain.set(SERVICE, account(install, kind), value);
        } catch (Keychain.KeychainException e) {
            throw failure(dev.arcrun.core.Failure.Code.KEYCHAIN_STORE_FAILED, kind, e);
        }
        earlier.delete(install, kind);
    }

    @Override
    public void delete(String install, SecretKind kind) {
        try {
            keychain.delete(SERVICE, account(install, kind));
        } catch (Keychain.KeychainException e) {
            throw failure(dev.arcrun.core.Failure.Code.KEYCHAIN_DELETE_FAILED, kind, e);
        }
        earlier.delete(install, kind);
    }

    @Override
    public SecretLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return "KeychainSecretStore[" + keychain.kind() + "]";
    }

    private static String account(String install, SecretKind kind) {
        return InstallName.require(install) + "/" + kind.id();
    }

    private dev.arcrun.core.UserFacingException failure(dev.arcrun.core.Failure.Code code, SecretKind kind,
                                                        Keychain.KeychainException e) {
        return new dev.arcrun.core.UserFacingException(
                dev.arcrun.core.Failure.of(code, kind, keychain.kind(), e.problem()),
                dev.arcrun.core.Advice.of(dev.arcrun.core.Advice.Code.KEYCHAIN_UNLOCK, SecretStores.ENV), e);
    }
}
