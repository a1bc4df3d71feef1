package dev.arcrun.cli.cloudflare;

import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Options every {@code arcrun cf} command takes. There is deliberately no option that takes the token itself. */
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

    CloudflareSettings settings() {
        return CloudflareSettings.resolve(Optional.ofNullable(apiBase), Optional.ofNullable(tokenFile),
                Optional.ofNullable(account), environment.get());
    }

    CloudflareClient client(CloudflareSettings settings) {
        return new CloudflareClient(settings, CloudflareClient.Options.defaults());
    }
}
