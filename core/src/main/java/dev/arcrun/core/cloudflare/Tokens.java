package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;

/** Token verification: a user token first, then (when an account is known) an account-owned token. */
final class Tokens {
    static final int INVALID_TOKEN = 1000;

    private final CloudflareHttp http;

    Tokens(CloudflareHttp http) {
        this.http = http;
    }

    TokenCheck verify(Optional<String> accountId) {
        try {
            return check(TokenCheck.Kind.USER, http.send(CloudflareHttp.Call.of(Operation.VERIFY_USER_TOKEN)));
        } catch (CloudflareApiException userRefusal) {
            if (!userRefusal.hasCode(INVALID_TOKEN)) {
                throw userRefusal;
            }
            if (accountId.isEmpty()) {
                throw invalidToken(userRefusal, true);
            }
            try {
                return check(TokenCheck.Kind.ACCOUNT,
                        http.send(CloudflareHttp.Call.of(Operation.VERIFY_ACCOUNT_TOKEN, accountId.get())));
            } catch (CloudflareApiException accountRefusal) {
                if (accountRefusal.hasCode(INVALID_TOKEN) || accountRefusal.httpStatus() == 401
                        || accountRefusal.httpStatus() == 404) {
                    throw invalidToken(accountRefusal, false);
                }
                throw accountRefusal;
            }
        }
    }

    static TokenCheck requireActive(TokenCheck check) {
        URI fix = TokenTemplate.creationUrl(PermissionGroup.REQUIRED);
        return switch (check.status()) {
            case ACTIVE -> check;
            case EXPIRED -> throw new UserFacingException(Failure.of(Failure.Code.TOKEN_EXPIRED), Advice.of(Advice.Code.TOKEN_RENEW, fix));
            case DISABLED -> throw new UserFacingException(Failure.of(Failure.Code.TOKEN_DISABLED), Advice.of(Advice.Code.TOKEN_ENABLE, fix));
        };
    }

    private static TokenCheck check(TokenCheck.Kind kind, CloudflareHttp.Reply reply) {
        JsonNode r = reply.result();
        return new TokenCheck(kind, r.path("id").asText(), TokenCheck.Status.parse(r.path("status").asText()));
    }

    /** @param mayBeAccountToken no account id was given: an account-owned token needs one to be verified */
    private static UserFacingException invalidToken(CloudflareApiException cause, boolean mayBeAccountToken) {
        // Cloudflare's own error lines are data (its words), not ours.
        return new UserFacingException(Failure.of(Failure.Code.TOKEN_UNKNOWN,
                cause.errors().stream().map(CloudflareError::toString).collect(Collectors.joining("; "))),
                mayBeAccountToken ? Advice.of(Advice.Code.TOKEN_CHECK_COPY_OR_ACCOUNT, TokenTemplate.creationUrl(PermissionGroup.REQUIRED))
                        : Advice.of(Advice.Code.TOKEN_CHECK_COPY, TokenTemplate.creationUrl(PermissionGroup.REQUIRED)), cause);
    }
}
