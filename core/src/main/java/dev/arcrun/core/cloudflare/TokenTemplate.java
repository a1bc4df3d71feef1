package dev.arcrun.core.cloudflare;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Cloudflare's prefilled token-creation link ("API token template URLs"): the dashboard opens the Create Token
 * form with exactly these permission groups selected, for all accounts, named "Arcrun".
 */
public final class TokenTemplate {

    static final String USER_TOKENS_PAGE = "https://dash.cloudflare.com/profile/api-tokens";

    private TokenTemplate() {}

    public static URI creationUrl(Collection<PermissionGroup> groups) {
        String json = groups.stream()
                .map(g -> "{\"key\":\"" + g.templateKey() + "\",\"type\":\"" + g.templateType() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return URI.create(USER_TOKENS_PAGE + "?permissionGroupKeys=" + encode(json) + "&accountId=*&zoneId=all&name="
                + encode("Arcrun"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
