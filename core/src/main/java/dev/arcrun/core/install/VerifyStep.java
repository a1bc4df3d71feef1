package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenCheck;
import dev.arcrun.core.cloudflare.TokenVerdict;
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
        reporter.progress(-1, Note.Code.CHECKING_PERMISSIONS);
        TokenVerdict.Ready ready = TokenVerdict.check(cf, knownAccount).ready();
        TokenCheck check = ready.token();
        Account account = ready.account();
        PermissionReport report = ready.permissions();
        if (!report.missing().isEmpty()) {
            throw new UserFacingException(Failure.of(Failure.Code.MISSING_PERMISSION, report.missing()),
                    Advice.of(Advice.Code.ADD_PERMISSIONS, report.tokenTemplateUrl()));
        }
        session.update(c -> c.withAccountId(account.id()));
        if (!session.options().dryRun()) {
            session.secrets().put(session.config().name(), SecretKind.CLOUDFLARE_TOKEN, session.token().secretValue());
        }
        return StepResult.done(Note.Code.TOKEN_ACTIVE, check.kind(), report.checks().size(), account.name());
    }
}
