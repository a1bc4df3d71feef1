package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The accounts a token can use, and the one to work in. */
final class Accounts {
    static final int PAGE_SIZE = 50;
    static final int ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS = 1001;

    private final CloudflareHttp http;

    Accounts(CloudflareHttp http) {
        this.http = http;
    }

    List<Account> list() {
        List<Account> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            CloudflareHttp.Reply reply = http.send(CloudflareHttp.Call.of(Operation.LIST_ACCOUNTS)
                    .query("page", page).query("per_page", PAGE_SIZE));
            reply.result().forEach(a -> all.add(new Account(a.path("id").asText(), a.path("name").asText())));
            if (page >= Pages.total(reply) || reply.result().isEmpty()) {
                return all;
            }
        }
    }

    Account resolve(Optional<String> configured) {
        if (configured.isPresent()) {
            return new Account(configured.get(), "");
        }
        List<Account> accounts;
        try {
            accounts = list();
        } catch (CloudflareApiException e) {
            if (e.hasCode(ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS)) {
                throw new UserFacingException(Failure.of(Failure.Code.ACCOUNT_TOKEN_CANNOT_LIST),
                        Advice.of(Advice.Code.GIVE_ACCOUNT, CloudflareSettings.ACCOUNT_ENV), e);
            }
            throw e;
        }
        if (accounts.isEmpty()) {
            throw new UserFacingException(Failure.of(Failure.Code.NO_ACCOUNT),
                    Advice.of(Advice.Code.TOKEN_UNDER_ACCOUNT, TokenTemplate.creationUrl(PermissionGroup.REQUIRED)));
        }
        if (accounts.size() > 1) {
            throw new UserFacingException(Failure.of(Failure.Code.SEVERAL_ACCOUNTS, accounts.size(),
                    accounts.stream().map(a -> a.name() + " (" + a.id() + ")").toList()),
                    Advice.of(Advice.Code.CHOOSE_ACCOUNT, CloudflareSettings.ACCOUNT_ENV));
        }
        return accounts.getFirst();
    }
}
