package dev.arcrun.core.install;

import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;

/** Starts the bundle's workers under {@code wrangler dev} (real workerd) on 127.0.0.1 and waits for /health. */
final class LocalStartStep implements InstallStep {
    private final InstallSession session;

    LocalStartStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.START; }

    @Override
    public StepResult run(StepReporter reporter) {
        session.toolchain(line -> reporter.log("npm", line, false));
        LocalStatus.Running running = session.localEngine().start(session.bundle().root(),
                line -> reporter.log(line.worker(), line.text(), line.level() == LogLevel.ERROR),
                LocalEngine.DEFAULT_START_TIMEOUT, session.cancellation());
        session.update(c -> c.withEngineUrl(running.url()));
        return StepResult.done("engine " + running.version() + " answers at " + running.url());
    }
}
