package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;

import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom to talk to Cloudflare: API base URL, token and (optionally) the account.
 *
 * @param accountId the account to use; empty means "discover it"
 */
public record CloudflareSettings(URI apiBase, ApiToken token, Optional<String> accountId) {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.cloudflare.com/client/v4");
    /** The variable wrangler also honours, so one setting points both at the same API. */
    public static final String API_BASE_ENV = "CLOUDFLARE_API_BASE_URL";
    public static final String ACCOUNT_ENV = "CLOUDFLARE_ACCOUNT_ID";

    /**
     * Flags win over environment variables; the token comes from {@link TokenSource}.
     */
    public static CloudflareSettings resolve(Optional<String> apiBaseFlag, Optional<Path> tokenFile,
                                             Optional<String> accountFlag, Map<String, String> env) {
        String base = apiBaseFlag.or(() -> nonBlank(env.get(API_BASE_ENV))).orElse(DEFAULT_API_BASE.toString());
        Optional<String> account = accountFlag.or(() -> nonBlank(env.get(ACCOUNT_ENV))).map(String::strip);
        account.ifPresent(CloudflareSettings::checkAccountId);
        return new CloudflareSettings(parseBase(base), TokenSource.resolve(tokenFile, env), account);
    }

    static URI parseBase(String text) {
        URI uri;
        try {
            uri = new URI(text.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new UserFacingException(Failure.of(Failure.Code.API_BASE_INVALID, text, e.getReason()),
                    Advice.of(Advice.Code.API_BASE_FORM, DEFAULT_API_BASE));
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UserFacingException(Failure.of(Failure.Code.API_BASE_NOT_HTTP, text), Advice.of(Advice.Code.API_BASE_FORM, DEFAULT_API_BASE));
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new UserFacingException(Failure.of(Failure.Code.API_BASE_EXTRAS, text), Advice.of(Advice.Code.API_BASE_FORM, DEFAULT_API_BASE));
        }
        return uri;
    }

    private static void checkAccountId(String id) {
        if (!id.matches("[0-9a-fA-F]{32}")) {
            throw new UserFacingException(Failure.of(Failure.Code.ACCOUNT_ID_INVALID, id), Advice.of(Advice.Code.ACCOUNT_ID_FORM));
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
