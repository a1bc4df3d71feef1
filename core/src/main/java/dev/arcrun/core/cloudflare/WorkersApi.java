package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** The account's workers.dev subdomain and the deletion of Worker scripts (deploys are wrangler's). */
final class WorkersApi {
    static final int NOT_FOUND = 10007;

    private final CloudflareHttp http;

    WorkersApi(CloudflareHttp http) {
        this.http = http;
    }

    Optional<String> subdomain(String accountId) {
        return Absent.unlessAbsent(http, CloudflareHttp.Call.of(Operation.GET_SUBDOMAIN, accountId), NOT_FOUND)
                .map(CloudflareHttp.Reply::result)
                .map(r -> r.path("subdomain").asText(r.path("name").asText("")))
                .filter(name -> !name.isEmpty());
    }

    String registerSubdomain(String accountId, String name) {
        JsonNode r = http.send(CloudflareHttp.Call.of(Operation.CREATE_SUBDOMAIN, accountId)
                .body(Map.of("subdomain", name))).result();
        return r.path("subdomain").asText(name);
    }

    boolean deleteScript(String accountId, String scriptName) {
        return Absent.deleted(http, CloudflareHttp.Call.of(Operation.DELETE_SCRIPT, accountId, scriptName)
                .query("force", "true"));
    }
}
