package dev.arcrun.core.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import dev.arcrun.sdk.EngineException;
import dev.arcrun.sdk.Health;

/**
 * Asks the engine for /health. On this computer it must answer. A new workers.dev address can take a while to
 * appear, so on Cloudflare no answer is a warning with advice — never reported as a confirmed success.
 */
final class CheckStep implements InstallStep {
    private final InstallSession session;

    CheckStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.CHECK; }

    @Override
    public StepResult run(StepReporter reporter) throws InterruptedException {
        String url = session.config().engineUrl();
        boolean cloudflare = session.config().target() == Target.CLOUDFLARE;
        // A new workers.dev address can take a while to work: on Cloudflare, ask again for a bounded time.
        long deadline = System.nanoTime() + (cloudflare ? session.checkWait().toNanos() : 0);
        EngineException last;
        while (true) {
            try {
                Health h = session.engine().health();
                if (!h.ok()) {
                    throw new UserFacingException("The engine at " + url + " answers but reports it is not healthy.",
                            "Look at its log, then run the install again.");
                }
                if (!cloudflare) {
                    session.engine().workflows().list(); // the kept key opens it: "ready" means usable, not just up
                }
                return StepResult.done("engine " + h.version() + " answers at " + url);
            } catch (EngineException e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || reporter.cancelled()) {
                break;
            }
            reporter.progress(-1, "waiting for " + url + " to answer (" + (left / 1_000_000_000L) + " s left)");
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000)));
        }
        if (!cloudflare) {
            throw new UserFacingException("The engine on this computer does not answer at " + url + ": " + last.getMessage(),
                    "See its log with 'arcrun local status', then run the install again.", last);
        }
        reporter.warn("The engine was deployed but " + url + " does not answer yet (" + last.getMessage() + ").",
                "A new workers.dev address can take a few minutes to work; check again with 'arcrun status'.");
        return StepResult.done("deployed to " + url + "; it did not answer yet");
    }

    private static final java.time.Duration POLL = java.time.Duration.ofSeconds(5);
}
