package dev.arcrun.core.config;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/** The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager or the Secret Service. */
final class JavaKeyringKeychain implements Keychain {
    private final Keyring keyring;

    private JavaKeyringKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    static Keychain open() throws KeychainException {
        try {
            return new JavaKeyringKeychain(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new KeychainException(KeychainProblem.Reason.NO_BACKEND, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Optional<String> get(String service, String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" this way on every backend.
            return Optional.empty();
        }
    }

    @Override
    public void set(String service, String account, String secret) throws KeychainException {
        try {
            keyring.setPassword(service, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new KeychainException(KeychainProblem.Reason.REFUSED, e.getClass().getSimpleName());
        }
    }

    @Override
    public void delete(String service, String account) throws KeychainException {
        try {
            if (keyring.getPassword(service, account) != null) {
                keyring.deletePassword(service, account);
            }
        } catch (PasswordAccessException e) {
            // Not there: nothing to delete.
        } catch (RuntimeException e) {
            throw new KeychainException(KeychainProblem.Reason.REFUSED, e.getClass().getSimpleName());
        }
    }

    @Override
    public KeychainKind kind() {
        return switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> KeychainKind.MACOS_KEYCHAIN;
            case WINDOWS_CREDENTIAL_STORE -> KeychainKind.WINDOWS_CREDENTIAL_MANAGER;
            case KWALLET -> KeychainKind.KDE_WALLET;
            default -> KeychainKind.SECRET_SERVICE;
        };
    }
}
