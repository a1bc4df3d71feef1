package dev.arcrun.core.install;

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
                "This Cloudflare account has no workers.dev subdomain yet, so the engine would have no address.",
                "Open Workers & Pages once on Cloudflare's dashboard to choose one, or run: arcrun cf register-subdomain NAME"
                        + " — then run the install again with --resume."));
        session.update(c -> c.withResources(new Resources(c.resources().kv(), c.resources().r2(), sub, c.resources().prefix())));
        return StepResult.done(sub + ".workers.dev");
    }
}
