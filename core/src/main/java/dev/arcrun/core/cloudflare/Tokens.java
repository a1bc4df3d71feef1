package dev.arcrun.core.cloudflare;

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
                throw invalidToken(userRefusal, "If it is an account-owned token, give the account id with "
                        + "--account or " + CloudflareSettings.ACCOUNT_ENV + ".");
            }
            try {
                return check(TokenCheck.Kind.ACCOUNT,
                        http.send(CloudflareHttp.Call.of(Operation.VERIFY_ACCOUNT_TOKEN, accountId.get())));
            } catch (CloudflareApiException accountRefusal) {
                if (accountRefusal.hasCode(INVALID_TOKEN) || accountRefusal.httpStatus() == 401
                        || accountRefusal.httpStatus() == 404) {
                    throw invalidToken(accountRefusal, "");
                }
                throw accountRefusal;
            }
        }
    }

    static TokenCheck requireActive(TokenCheck check) {
        URI fix = TokenTemplate.creationUrl(PermissionGroup.REQUIRED);
        return switch (check.status()) {
            case ACTIVE -> check;
            case EXPIRED -> throw new UserFacingException("The Cloudflare API token has expired.",
                    "Create a new token (or extend this one's TTL on Cloudflare's API Tokens page): " + fix);
            case DISABLED -> throw new UserFacingException("The Cloudflare API token is disabled.",
                    "Enable it again on Cloudflare's API Tokens page, or create a new one: " + fix);
        };
    }

    private static TokenCheck check(TokenCheck.Kind kind, CloudflareHttp.Reply reply) {
        JsonNode r = reply.result();
        return new TokenCheck(kind, r.path("id").asText(), TokenCheck.Status.parse(r.path("status").asText()));
    }

    private static UserFacingException invalidToken(CloudflareApiException cause, String hint) {
        return new UserFacingException("Cloudflare does not recognise this API token ("
                + cause.errors().stream().map(CloudflareError::toString).collect(Collectors.joining("; ")) + ").",
                (hint.isEmpty() ? "" : hint + " ") + "Check that the whole token was copied, or create one: "
                        + TokenTemplate.creationUrl(PermissionGroup.REQUIRED), cause);
    }
}
