package dev.arcrun.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.I18n;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window during an install asks first, with the real dialog; without running work it just closes. */
@ExtendWith(ApplicationExtension.class)
class CloseGuardTest {
    private final Activities activities = new Activities();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("window"), 600, 400));
        CloseGuard.install(stage, activities, CloseGuard.dialog(stage, new I18n(Locale.ENGLISH)), closes::incrementAndGet);
        stage.show();
    }

    private void requestClose() {
        // as the window manager's close button does; the dialog blocks inside the handler, so post it
        Platform.runLater(() -> {
            WindowEvent close = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.fireEvent(close);
            if (!close.isConsumed()) {
                stage.hide();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void closingDuringAnInstallAsksAndKeepWorkingKeepsTheWindow(FxRobot robot) {
        activities.begin(Activities.Kind.INSTALL, "cloudflare", stops::incrementAndGet);

        requestClose();

        assertThat(robot.lookup("Work is still running").tryQuery()).isPresent();
        assertThat(robot.lookup(".content").queryAs(Label.class).getText()).contains("Installing \"cloudflare\"");
        robot.clickOn("#" + CloseGuard.KEEP_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stops).hasValue(0);
        assertThat(closes).hasValue(0);

        requestClose();
        robot.clickOn("#" + CloseGuard.STOP_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stops).as("the install was stopped where it can be resumed").hasValue(1);
        assertThat(closes).hasValue(1);
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void withNothingRunningTheWindowClosesWithoutAsking() {
        requestClose();

        assertThat(stage.isShowing()).isFalse();
        assertThat(closes).hasValue(1);
    }
}
