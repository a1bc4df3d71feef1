package dev.arcrun.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final AtomicInteger secondBuilt = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Label one = new Label("first page");
        one.setId("page-one");
        var window = new MainWindow(new I18n(Locale.ENGLISH), List.of(
                new Page("home", "nav.home", Feather.HOME, () -> one),
                new Page("other", "nav.home", Feather.CLOUD, () -> {
                    secondBuilt.incrementAndGet();
                    Label two = new Label("second page");
                    two.setId("page-two");
                    return two;
                })));
        stage.setScene(new Scene(window, 600, 400));
        stage.show();
    }

    @Test
    void theFirstPageShowsAndTheSidebarSwitchesBuildingEachPageOnce(FxRobot robot) {
        assertThat(robot.lookup("#page-one").tryQuery()).isPresent();
        assertThat(secondBuilt).hasValue(0);

        robot.clickOn("#nav-other");
        assertThat(robot.lookup("#page-two").tryQuery()).isPresent();
        assertThat(robot.lookup("#page-one").tryQuery()).isEmpty();

        robot.clickOn("#nav-home");
        robot.clickOn("#nav-other");
        robot.clickOn("#nav-other"); // clicking the shown page again keeps it shown
        assertThat(robot.lookup("#page-two").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-other").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(secondBuilt).hasValue(1);
    }
}
