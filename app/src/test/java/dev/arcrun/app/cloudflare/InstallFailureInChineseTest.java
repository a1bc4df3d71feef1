package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Traditional Chinese user whose token loses its R2 permission between the check and the install: the install
 * page shows core's step title, cause and advice in Chinese, and the advice is the app's, not a command line.
 */
@ExtendWith(ApplicationExtension.class)
class InstallFailureInChineseTest {
    @TempDir
    Path root;

    private CloudflareStandIn cf;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        cf = CloudflareStandIn.builder().validateContract().start();
        WorkerDeployEndpoints.installOn(cf);
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "tests use a file");
        executor = new FxTaskExecutor(4);
        AppContext context = new AppContext(home, executor, Platform::runLater, new I18n(Locale.TRADITIONAL_CHINESE),
                () -> secrets, ToolchainManager::forTests, Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()));
        Node wizard = CloudflareWizard.create(context, new CoreCloudflareSetup(context), url -> { });
        Scene scene = new Scene(new javafx.scene.layout.StackPane(wizard), 1100, 760);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        cf.close();
    }

    @Test
    void aFailedVerifyShowsCoresStepCauseAndAdviceInChinese(FxRobot robot) throws Exception {
        robot.clickOn("#token-field").write(cf.token());
        robot.clickOn("#check-token");
        waitUntil(30, () -> robot.lookup("#token-ok").queryAs(Label.class).isVisible());
        robot.clickOn("#wizard-next"); // options
        robot.clickOn("#wizard-next"); // plan
        waitUntil(60, () -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
        // someone edits the token on Cloudflare before Install is pressed
        cf.state().updateToken(cf.state().token(cf.token()).orElseThrow().without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        robot.clickOn("#wizard-next"); // Install
        waitUntil(300, () -> robot.lookup("#install-failure").queryAs(Node.class).isVisible());

        assertThat(robot.lookup("#step-verify.step-state-failed").tryQuery()).isPresent();
        assertThat(robot.lookup("#step-verify").lookup(".step-title").queryAs(Labeled.class).getText())
                .isEqualTo("驗證 Cloudflare 權杖及其權限");
        assertThat(robot.lookup("#install-cause").queryAs(Label.class).getText())
                .isEqualTo("Cloudflare API 權杖缺少 Account › Workers R2 Storage › Edit 權限。");
        assertThat(robot.lookup("#install-advice").queryAs(Label.class).getText())
                .startsWith("請在 Cloudflare 的 API 權杖頁面為權杖加上這些權限").contains("permissionGroupKeys").doesNotContain("--");
        assertThat(robot.lookup("#try-again").queryAs(Button.class).getText()).isEqualTo("再試一次");
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
