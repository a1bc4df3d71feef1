package dev.arcrun.app.cloudflare;

import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.cloudflare.Account;
import java.util.List;
import java.util.Optional;

/**
 * What the wizard asks of core, every call blocking (run it through the TaskExecutor). The token is an argument,
 * never an environment variable of this process.
 */
public interface CloudflareSetup {

    /**
     * An active token, the account it works in and each permission group's outcome; or, for a token that can use
     * several accounts and none was chosen yet, only those {@code choices} (no account, no permissions).
     */
    record TokenReport(String accountId, String accountName, PermissionReport permissions, List<Account> choices) {
        public TokenReport(String accountId, String accountName, PermissionReport permissions) {
            this(accountId, accountName, permissions, List.of());
        }

        public boolean needsChoice() { return permissions == null && !choices.isEmpty(); }
    }

    /** What a stopped install saved: the choices to finish it with, and whether its token is kept. */
    record SavedChoices(String name, String prefix, String source, String accountId, boolean tokenKept) {}

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

    /** The token's report for the account the user chose among several (see {@link TokenReport#choices()}). */
    default TokenReport checkToken(String token, Account chosen) {
        return checkToken(token);
    }

    /** The saved choices of an install, empty when there is none of that name. */
    default Optional<SavedChoices> saved(String installName) {
        return Optional.empty();
    }

    /** What the install would create, reuse and deploy; read-only. */
    List<DryRun.Item> plan(String token, InstallOptions options);

    /** A pipeline ready to {@code execute()} (and {@code cancel()} from another thread). */
    InstallRun install(String token, InstallOptions options, InstallListener listener);
}
