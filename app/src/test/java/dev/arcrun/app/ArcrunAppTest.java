package dev.arcrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ArcrunAppTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ArcrunApp().start(stage);
    }

    @Test
    void windowOpensOnTheHomePageWithTheLocalTargetOfferedFirst(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Arcrun Desktop");
        assertThat(robot.lookup("#home").tryQuery()).isPresent();
        assertThat(robot.lookup("#start-local").tryQuery()).isPresent();
    }

    @Test
    void theCloudflareCardOpensTheInstallWizard(FxRobot robot) {
        robot.clickOn("#open-cloudflare");
        assertThat(robot.lookup("#cloudflare").tryQuery()).isPresent();
        assertThat(robot.lookup("#token-field").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-cloudflare").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }
}
