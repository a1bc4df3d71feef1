package dev.arcrun.core.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenCheck;
import dev.arcrun.core.config.SecretKind;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks the token is active and has every permission the install needs; fixes the account; keeps the token. */
final class VerifyStep implements InstallStep {
    private final InstallSession session;

    VerifyStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.VERIFY; }

    @Override
    public StepResult run(StepReporter reporter) {
        CloudflareClient cf = session.cloudflare();
        Optional<String> knownAccount = session.options().accountId().or(() -> Optional.ofNullable(session.config().accountId()));
        TokenCheck check = CloudflareClient.requireActive(cf.verifyToken(knownAccount));
        Account account = cf.resolveAccount(knownAccount);
        reporter.progress(-1, "Token is active; checking its permissions on " + account.name());
        PermissionReport report = cf.probePermissions(account.id(), check.kind());
        if (!report.missing().isEmpty()) {
            throw new UserFacingException("The Cloudflare API token lacks "
                    + report.missing().stream().map(PermissionGroup::displayName).collect(Collectors.joining(", ")) + ".",
                    "Create a token with every permission the install needs: " + report.tokenTemplateUrl());
        }
        session.update(c -> c.withAccountId(account.id()));
        if (!session.options().dryRun()) {
            session.secrets().put(session.config().name(), SecretKind.CLOUDFLARE_TOKEN, session.token().secretValue());
        }
        return StepResult.done("the " + check.kind().label() + " is active with all " + report.checks().size()
                + " permissions; account " + account.name());
    }
}
