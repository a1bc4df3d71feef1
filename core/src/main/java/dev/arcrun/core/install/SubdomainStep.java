package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Resources;

/** Finds the account's workers.dev subdomain, which the engine's public URL is made of. */
final class SubdomainStep implements InstallStep {
    private final InstallSession session;

    SubdomainStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.SUBDOMAIN; }

    @Override
    public StepResult run(StepReporter reporter) {
        String sub = session.cloudflare().workersSubdomain(session.accountId()).orElseThrow(() -> new UserFacingException(
                Failure.of(Failure.Code.NO_SUBDOMAIN), Advice.of(Advice.Code.OPEN_WORKERS_PAGE)));
        session.update(c -> c.withResources(new Resources(c.resources().kv(), c.resources().r2(), sub, c.resources().prefix())));
        return StepResult.done(Note.Code.SUBDOMAIN_FOUND, sub);
    }
}
