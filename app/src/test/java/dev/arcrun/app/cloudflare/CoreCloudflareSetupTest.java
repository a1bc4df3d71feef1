package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the wizard's token check reads Cloudflare's answers (the stand-in's), kind by kind. */
class CoreCloudflareSetupTest {
    @TempDir
    Path root;

    private CloudflareStandIn cf;
    private CoreCloudflareSetup setup;

    @BeforeEach
    void start() {
        cf = CloudflareStandIn.builder().validateContract().start();
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "tests use a file");
        setup = new CoreCloudflareSetup(new AppContext(home, new CurrentThreadTaskExecutor(), Runnable::run,
                new I18n(Locale.ENGLISH), () -> secrets, ToolchainManager::forTests,
                Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString())));
    }

    @AfterEach
    void stop() {
        cf.close();
    }

    private CloudflareSetup.TokenProblem.Kind problemWith(String token) {
        try {
            setup.checkToken(token);
        } catch (CloudflareSetup.TokenProblem p) {
            return p.kind();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void aGoodTokenReportsItsAccountAndEveryGroup() {
        var report = setup.checkToken(cf.token());
        assertThat(report.accountName()).isEqualTo("Arcrun Test Account");
        assertThat(report.accountId()).isEqualTo(cf.accountId());
        assertThat(report.permissions().complete()).isTrue();
        assertThat(report.permissions().checks()).hasSize(PermissionGroup.REQUIRED.size());
    }

    @Test
    void aTokenWithoutR2IsReportedWithThatGroupMissing() {
        String token = cf.addToken(StandInToken.user(StandInToken.randomValue()).without(TokenPermission.WORKERS_R2_STORAGE_EDIT));
        assertThat(setup.checkToken(token).permissions().missing()).containsExactly(PermissionGroup.WORKERS_R2_STORAGE_EDIT);
    }

    @Test
    void unusableTokensAreToldApart() {
        assertThat(problemWith("not-a-known-token-0123456789")).isEqualTo(CloudflareSetup.TokenProblem.Kind.INVALID);
        assertThat(problemWith(cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("expired"))))
                .isEqualTo(CloudflareSetup.TokenProblem.Kind.EXPIRED);
        assertThat(problemWith(cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("disabled"))))
                .isEqualTo(CloudflareSetup.TokenProblem.Kind.DISABLED);
        assertThat(problemWith("two words")).isEqualTo(CloudflareSetup.TokenProblem.Kind.MALFORMED);
    }

    @Test
    void aTokenForSeveralAccountsOffersThemAndTheChosenOneIsChecked() {
        String second = cf.state().addAccount("Side Project").id();
        CloudflareSetup.TokenReport report = setup.checkToken(cf.token());
        assertThat(report.needsChoice()).as("a choice, not a refusal").isTrue();
        assertThat(report.choices()).extracting(dev.arcrun.core.cloudflare.Account::name)
                .containsExactlyInAnyOrder("Arcrun Test Account", "Side Project");
        var chosen = report.choices().stream().filter(a -> a.id().equals(second)).findFirst().orElseThrow();
        CloudflareSetup.TokenReport checked = setup.checkToken(cf.token(), chosen);
        assertThat(checked.accountId()).isEqualTo(second);
        assertThat(checked.accountName()).isEqualTo("Side Project");
        assertThat(checked.permissions().complete()).isTrue();
    }
}
