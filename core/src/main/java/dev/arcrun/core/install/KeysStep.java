package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.config.SecretKind;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates the engine's api key and encryption key on the first install only: a new encryption key would make
 * every stored credential unreadable. They go straight to the secret store, never to the config.
 */
final class KeysStep implements InstallStep {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstallSession session;

    KeysStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.KEYS; }

    @Override
    public StepResult run(StepReporter reporter) {
        String name = session.config().name();
        boolean hasApi = session.secrets().get(name, SecretKind.API_KEY).isPresent();
        boolean hasEnc = session.secrets().get(name, SecretKind.ENCRYPTION_KEY).isPresent();
        if (hasApi && hasEnc) {
            return StepResult.skipped(Note.Code.KEYS_KEPT, session.secrets().location());
        }
        if (session.config().target() == dev.arcrun.core.config.Target.LOCAL && hasData(session.localEngine().dataFolder())) {
            // New keys would not open what the old encryption key encrypted: say so instead of silently losing it.
            throw missingKeys(session);
        }
        if (!hasApi) {
            session.secrets().put(name, SecretKind.API_KEY, randomKey());
        }
        if (!hasEnc) {
            session.secrets().put(name, SecretKind.ENCRYPTION_KEY, randomKey());
        }
        return StepResult.done(Note.Code.KEYS_MADE, session.secrets().location());
    }

    /** This install's keys are gone from the secret store while its engine's data is still there. */
    static dev.arcrun.core.UserFacingException missingKeys(InstallSession session) {
        return new dev.arcrun.core.UserFacingException(Failure.of(Failure.Code.KEYS_MISSING, session.config().name(),
                session.secrets().location(), session.localEngine().dataFolder()),
                Advice.of(Advice.Code.RESTORE_KEYS, session.config().name()));
    }

    private static boolean hasData(java.nio.file.Path dir) {
        try (var entries = java.nio.file.Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** 32 random bytes, base64: what the engine expects for both keys. */
    static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
