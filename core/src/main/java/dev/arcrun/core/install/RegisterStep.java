package dev.arcrun.core.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.engineclient.EngineApiException;
import dev.arcrun.core.engineclient.Registration;

/**
 * On this computer the engine makes its own keys: the first {@code POST /register} hands them out once, and they go
 * straight into the secret store.
 */
final class RegisterStep implements InstallStep {
    private final InstallSession session;

    RegisterStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.REGISTER; }

    @Override
    public StepResult run(StepReporter reporter) {
        String name = session.config().name();
        if (session.secrets().get(name, SecretKind.API_KEY).isPresent()
                && session.secrets().get(name, SecretKind.ENCRYPTION_KEY).isPresent()) {
            session.engine().workflows().list(); // proves the kept key still opens the engine
            return StepResult.skipped("this install already has its keys (" + KeysStep.where(session) + ")");
        }
        Registration keys;
        try {
            keys = session.engine().register();
        } catch (EngineApiException e) {
            if (e.status() == 409) {
                throw new UserFacingException("The engine on this computer was registered before, and this install does not have its keys.",
                        "Stop it with 'arcrun local stop', remove the folder " + session.home().local().resolve("state")
                                + " (its data goes with it), then install again.");
            }
            throw e;
        }
        session.secrets().put(name, SecretKind.API_KEY, keys.apiKey().reveal());
        session.secrets().put(name, SecretKind.ENCRYPTION_KEY, keys.encryptionKey().reveal());
        return StepResult.done("keys received and kept in " + KeysStep.where(session));
    }
}
