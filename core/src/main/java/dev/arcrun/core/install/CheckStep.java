package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

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
                    throw new UserFacingException(Failure.of(Failure.Code.ENGINE_UNHEALTHY, url), Advice.of(Advice.Code.ENGINE_LOG));
                }
                if (!cloudflare) {
                    session.engine().workflows().list(); // the kept key opens it: "ready" means usable, not just up
                }
                return StepResult.done(Note.Code.ENGINE_ANSWERS, h.version(), url);
            } catch (EngineException e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || reporter.cancelled()) {
                break;
            }
            reporter.progress(-1, Note.Code.WAITING_FOR_ENGINE, url, left / 1_000_000_000L);
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000)));
        }
        if (!cloudflare) {
            throw new UserFacingException(Failure.of(Failure.Code.LOCAL_ENGINE_SILENT, url, last.getMessage()),
                    Advice.of(Advice.Code.LOCAL_LOG), last);
        }
        reporter.warn(Failure.of(Failure.Code.ENGINE_NOT_ANSWERING, url, last.getMessage()), Advice.of(Advice.Code.CHECK_LATER));
        return StepResult.done(Note.Code.ENGINE_NOT_YET, url);
    }

    private static final java.time.Duration POLL = java.time.Duration.ofSeconds(5);
}
