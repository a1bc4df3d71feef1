package dev.arcrun.app.cloudflare;

import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import java.util.List;

/**
 * What the wizard asks of core, every call blocking (run it through the TaskExecutor). The token is an argument,
 * never an environment variable of this process.
 */
public interface CloudflareSetup {

    /** An active token, the account it works in and each permission group's outcome. */
    record TokenReport(String accountId, String accountName, PermissionReport permissions) {}

    /** Why a token cannot be used; {@code detail} is core's own words (never the token). */
    final class TokenProblem extends RuntimeException {
        public enum Kind { MALFORMED, INVALID, EXPIRED, DISABLED, SEVERAL_ACCOUNTS, NO_ACCOUNT, OTHER }

        private final Kind kind;

        public TokenProblem(Kind kind, String detail) {
            super(detail);
            this.kind = kind;
        }

        public Kind kind() { return kind; }
    }

    /** @throws TokenProblem when the token is unusable */
    TokenReport checkToken(String token);

    /** What the install would create, reuse and deploy; read-only. */
    List<DryRun.Item> plan(String token, InstallOptions options);

    /** A pipeline ready to {@code execute()} (and {@code cancel()} from another thread). */
    InstallRun install(String token, InstallOptions options, InstallListener listener);
}
