package dev.arcrun.core.install;

import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;

/**
 * Starts the bundle's workers under {@code wrangler dev} (real workerd) on 127.0.0.1 with this install's keys and
 * waits for /health. Without its keys (a secrets file deleted since the keys step ran) it fails: an engine without
 * them would be claimable by whoever calls first, and "ready" would be a lie.
 */
final class LocalStartStep implements InstallStep {
    private final InstallSession session;

    LocalStartStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.START; }

    @Override
    public StepResult run(StepReporter reporter) {
        if (session.engineKeys().isEmpty()) {
            new KeysStep(session).run(reporter); // new keys when there is no data yet; a clear refusal when there is
        }
        LocalEngine.Keys keys = session.engineKeys().orElseThrow(() -> KeysStep.missingKeys(session));
        session.toolchain(reporter::log);
        LocalStatus.Running running = session.localEngine().start(session.bundle().root(), keys,
                reporter::log,
                LocalEngine.DEFAULT_START_TIMEOUT, session.cancellation());
        session.update(c -> c.withEngineUrl(running.url()));
        return StepResult.done(Note.Code.LOCAL_STARTED, running.version(), running.url());
    }
}
