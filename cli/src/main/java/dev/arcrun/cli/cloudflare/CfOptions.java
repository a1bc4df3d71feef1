package dev.arcrun.cli.cloudflare;

import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenVerdict;

import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import dev.arcrun.core.cloudflare.TokenCheck;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The Cloudflare options of {@code arcrun cf}, {@code deploy} and {@code install} (a picocli mixin). There is
 * deliberately no option that takes the token itself.
 */
public final class CfOptions {

    /** The process environment; tests substitute a fixed map. */
    static volatile Supplier<Map<String, String>> environment = System::getenv;

    @Option(names = "--api-base", paramLabel = "URL",
            description = "Cloudflare API base URL (default: $CLOUDFLARE_API_BASE_URL or "
                    + "https://api.cloudflare.com/client/v4).")
    String apiBase;

    @Option(names = "--account", paramLabel = "ID",
            description = "Cloudflare account id (default: $CLOUDFLARE_ACCOUNT_ID, or the token's only account).")
    String account;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token (default: $CLOUDFLARE_API_TOKEN).")
    Path tokenFile;

    public Optional<String> apiBase() {
        return Optional.ofNullable(apiBase);
    }

    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    public Optional<Path> tokenFile() {
        return Optional.ofNullable(tokenFile);
    }

    CloudflareSettings settings() {
        return CloudflareSettings.resolve(Optional.ofNullable(apiBase), Optional.ofNullable(tokenFile),
                Optional.ofNullable(account), environment.get());
    }

    /** A client whose token Cloudflare confirmed active, the account to work in and its permissions. Close it when done. */
    record Session(CloudflareClient client, TokenCheck token, Account account, PermissionReport permissions) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    /** Resolves the settings, verifies the token (expired/disabled/invalid each fail clearly) and the account. */
    Session connect() {
        CloudflareSettings settings = settings();
        CloudflareClient client = new CloudflareClient(settings, CloudflareClient.Options.defaults());
        try {
            // core's one token check (the install, the dry run and the app use the same)
            TokenVerdict.Ready ready = TokenVerdict.check(client, settings.accountId()).ready();
            return new Session(client, ready.token(), ready.account(), ready.permissions());
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
