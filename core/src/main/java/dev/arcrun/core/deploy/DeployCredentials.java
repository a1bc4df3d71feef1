package dev.arcrun.core.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * What wrangler needs to reach the account. Handed to wrangler through its environment, never its command line.
 *
 * @param apiBaseUrl Cloudflare's API base (CLOUDFLARE_API_BASE_URL) when not the default, e.g. a test stand-in
 */
public record DeployCredentials(String apiToken, String accountId, Optional<String> apiBaseUrl) {

    public DeployCredentials {
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (apiToken.isBlank()) throw new IllegalArgumentException("empty API token");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "DeployCredentials[account=" + accountId + ", apiBase=" + apiBaseUrl.orElse("default") + "]";
    }
}
