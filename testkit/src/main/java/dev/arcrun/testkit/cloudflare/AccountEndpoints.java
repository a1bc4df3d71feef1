package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Accounts, memberships and the two token-verify endpoints (user-owned and account-owned tokens). */
final class AccountEndpoints implements EndpointGroup {

    private final StandInState state;

    AccountEndpoints(StandInState state) {
        this.state = state;
    }

    @Override
    public void register(Router r) {
        r.get("/accounts", Access.USER, "#organization:read", this::listAccounts);
        r.get("/memberships", Access.USER, null, this::listMemberships);
        r.get("/user/tokens/verify", Access.SELF, null, this::verifyUserToken);
        // Not in the contract slice; Cloudflare documents the same result as the user verify.
        r.get("/accounts/{account_id}/tokens/verify", Access.SELF, null, this::verifyAccountToken);
    }

    private ApiResponse listAccounts(ApiRequest req) {
        List<StandInState.Account> all = state.accounts();
        return Pages.of(req, all, 20, 50, (a, arr) -> {
            ObjectNode o = arr.addObject();
            o.put("id", a.id());
            o.put("name", a.name());
            o.put("type", "standard");
            o.putObject("settings").put("enforce_twofactor", false);
            o.put("created_on", "2024-01-01T00:00:00Z");
        });
    }

    private ApiResponse listMemberships(ApiRequest req) {
        return Pages.of(req, state.accounts(), 20, 50, (a, arr) -> {
            ObjectNode m = arr.addObject();
            m.put("id", a.id().substring(0, 16) + "0000000000000000");
            ObjectNode acc = m.putObject("account");
            acc.put("id", a.id());
            acc.put("name", a.name());
            m.put("status", "accepted");
            m.putArray("roles").add("Super Administrator - All Privileges");
        });
    }

    private ApiResponse verifyUserToken(ApiRequest req) {
        Optional<StandInToken> t = req.token().filter(tok -> !tok.accountOwned());
        return t.map(AccountEndpoints::verified)
                .orElseGet(() -> ApiResponse.failure(401, 1000, "Invalid API Token"));
    }

    private ApiResponse verifyAccountToken(ApiRequest req) {
        String account = req.pathParam("account_id");
        Optional<StandInToken> t = req.token().filter(tok -> account.equals(tok.ownerAccountId()));
        return t.map(AccountEndpoints::verified)
                .orElseGet(() -> ApiResponse.failure(401, 1000, "Invalid API Token"));
    }

    private static ApiResponse verified(StandInToken t) {
        ObjectNode result = ApiResponse.JSON.createObjectNode();
        result.put("id", t.id());
        result.put("status", t.status());
        if ("expired".equals(t.status())) {
            result.put("expires_on", "2024-01-01T00:00:00Z");
        }
        ObjectNode body = ApiResponse.envelope(true, result, null);
        if (t.active()) {
            ArrayNode messages = (ArrayNode) body.get("messages");
            messages.addObject().put("code", 10000).put("message", "This API Token is valid and active");
        }
        return ApiResponse.json(200, body);
    }
}
