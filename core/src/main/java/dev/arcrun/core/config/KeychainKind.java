package dev.arcrun.core.config;

import java.util.Locale;

/** The OS keychains arcrun can keep secrets in, worded by core's catalog ({@code keychain.} + id). */
public enum KeychainKind {
    MACOS_KEYCHAIN, WINDOWS_CREDENTIAL_MANAGER, KDE_WALLET, SECRET_SERVICE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return "keychain." + id();
    }
}
