package dev.arcrun.app.cloudflare;

import static dev.arcrun.app.cloudflare.WizardStandIn.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
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

/**
 * A Traditional Chinese user whose token loses its R2 permission between the check and the install: the install
 * page shows core's step title, cause and advice in Chinese, and the advice is the app's, not a command line.
 */
@ExtendWith(ApplicationExtension.class)
class InstallFailureInChineseTest {
    @TempDir
    Path root;

    private WizardStandIn standIn;

    @Start
    void start(Stage stage) {
        standIn = WizardStandIn.start(root);
        standIn.showWizard(stage, new I18n(Locale.TRADITIONAL_CHINESE), url -> { });
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aFailedVerifyShowsCoresStepCauseAndAdviceInChinese(FxRobot robot) throws Exception {
        standIn.checkToken(robot);
        WizardStandIn.toPlan(robot);
        CloudflareStandIn cf = standIn.cf;
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
}
