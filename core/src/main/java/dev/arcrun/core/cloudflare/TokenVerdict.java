package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.util.Optional;

/**
 * The token check, in one place for the install, the dry run, the CLI's {@code cf} commands and the app's token
 * page: verify the token, find its account, probe each permission group. Either the token works (with the
 * permissions it has and lacks) or it is refused with the reason as a fact.
 */
public sealed interface TokenVerdict {

    /** Active, in {@code account}; {@code permissions} says which groups it has ({@link #complete()}). */
    record Ready(TokenCheck token, Account account, PermissionReport permissions) implements TokenVerdict {
        public boolean complete() {
            return permissions.complete();
        }

        /** Throws the missing permissions as core's failure; returns this when nothing is missing. */
        public Ready requireComplete() {
            permissions.requireComplete();
            return this;
        }
    }

    /** Not usable: why, as a kind the faces branch on, and the failure and advice they word. */
    record Refused(Reason reason, Failure failure, Advice advice) implements TokenVerdict {
        public UserFacingException exception() {
            return new UserFacingException(failure, advice);
        }
    }

    enum Reason { INVALID, EXPIRED, DISABLED, NO_ACCOUNT, SEVERAL_ACCOUNTS }

    /** Runs the check; a failure of Cloudflare itself (not of the token) is thrown as it is. */
    static TokenVerdict check(CloudflareClient cf, Optional<String> accountId) {
        try {
            TokenCheck token = CloudflareClient.requireActive(cf.verifyToken(accountId));
            Account account = cf.resolveAccount(accountId);
            return new Ready(token, account, cf.probePermissions(account.id(), token.kind()));
        } catch (CloudflareApiException e) {
            if (e.httpStatus() == 401) {
                return new Refused(Reason.INVALID, e.failure(), e.adviceFact());
            }
            throw e;
        } catch (UserFacingException e) {
            Reason reason = switch (e.failure().code()) {
                case TOKEN_UNKNOWN -> Reason.INVALID;
                case TOKEN_EXPIRED -> Reason.EXPIRED;
                case TOKEN_DISABLED -> Reason.DISABLED;
                case ACCOUNT_TOKEN_CANNOT_LIST, NO_ACCOUNT -> Reason.NO_ACCOUNT;
                case SEVERAL_ACCOUNTS -> Reason.SEVERAL_ACCOUNTS;
                default -> null;
            };
            if (reason == null) {
                throw e; // the network, rate limits, settings: not a verdict on the token
            }
            return new Refused(reason, e.failure(), e.adviceFact());
        }
    }

    /** The token's account and permissions, or its refusal thrown. */
    default Ready ready() {
        return switch (this) {
            case Ready r -> r;
            case Refused r -> throw r.exception();
        };
    }
}
