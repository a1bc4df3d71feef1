package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.RetryPolicy;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the Cloudflare end-to-end tests share: a contract-checked stand-in that takes the real wrangler's deploys,
 * an app folder with a file secret store, and an installer whose retries wait milliseconds, not seconds.
 */
record StandInInstall(CloudflareStandIn cf, WorkerDeployState deploys, AppHome home, FileSecretStore secrets,
                      Installer installer) implements AutoCloseable {

    static StandInInstall start(Path root) {
        CloudflareStandIn cf = CloudflareStandIn.builder().validateContract().start();
        WorkerDeployState deploys = WorkerDeployEndpoints.installOn(cf).state();
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "tests use a file");
        Installer installer = new Installer(home, secrets, ToolchainManager.forTests(),
                Map.of("CLOUDFLARE_API_TOKEN", cf.token(), "CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()))
                .tuning(s -> s.cloudflareOptions(CloudflareClient.Options.defaults()
                        .withRetry(new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(50),
                                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(30)))));
        return new StandInInstall(cf, deploys, home, secrets, installer);
    }

    Uninstaller uninstaller() {
        return new Uninstaller(home, secrets, Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()));
    }

    /** Stops the stand-in; fails the test on any contract violation but the query parameters wrangler 4 adds. */
    @Override
    public void close() {
        try {
            assertThat(cf.contractViolations()).isEmpty();
        } finally {
            cf.close();
        }
    }
}
