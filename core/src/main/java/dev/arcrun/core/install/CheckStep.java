package dev.arcrun.core.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.engineclient.EngineException;
import dev.arcrun.core.engineclient.Health;

/**
 * Asks the engine for /health. On this computer it must answer. A new workers.dev address can take a while to
 * appear, so on Cloudflare no answer is a warning with advice — never reported as a confirmed success.
 */
final class CheckStep implements InstallStep {
    private final InstallSession session;

    CheckStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.CHECK; }

    @Override
    public StepResult run(StepReporter reporter) {
        String url = session.config().engineUrl();
        try {
            Health h = session.engine().health();
            if (!h.ok()) {
                throw new UserFacingException("The engine at " + url + " answers but reports it is not healthy.",
                        "Look at its log, then run the install again.");
            }
            if (session.config().target() == Target.LOCAL) {
                session.engine().workflows().list(); // the kept key opens it: "ready" means usable, not just up
            }
            return StepResult.done("engine " + h.version() + " answers at " + url);
        } catch (EngineException e) {
            if (session.config().target() == Target.LOCAL) {
                throw new UserFacingException("The engine on this computer does not answer at " + url + ": " + e.getMessage(),
                        "See its log with 'arcrun local status', then run the install again.", e);
            }
            reporter.warn("The engine was deployed but " + url + " does not answer yet (" + e.getMessage() + ").",
                    "A new workers.dev address can take a few minutes to work; check again with 'arcrun status'.");
            return StepResult.done("deployed to " + url + "; it did not answer yet");
        }
    }
}
