package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.sdk.WorkflowSummary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An engine without workflows points to the Examples tab (a packaged app has no examples folder to point to). */
@ExtendWith(ApplicationExtension.class)
class WorkflowsEmptyListTest {
    private WorkflowsViewModel model;
    private final AtomicBoolean examplesOpened = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        var connection = ViewModelFixture.connectedNowhere();
        model = new WorkflowsViewModel(EXECUTOR, connection, I18N);
        RunViewModel run = new RunViewModel(EXECUTOR, connection, model.selectedProperty(), I18N);
        WorkflowsView view = new WorkflowsView(model, run, I18N, (o, t, f) -> Optional.empty());
        view.onOpenExamples(() -> examplesOpened.set(true));
        Scene scene = new Scene(view, 1000, 700);
        new dev.arcrun.app.theme.ThemeManager().apply(scene); // as the app styles its window
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anEmptyListSaysSoAndItsButtonOpensTheExamples(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.show(List.of(), null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#workflows-placeholder").queryLabeled().getText())
                .startsWith("No workflows yet. Try one from the Examples tab").doesNotContain("engine/examples");
        robot.clickOn("#wf-open-examples");
        assertThat(examplesOpened).isTrue();

        WaitForAsyncUtils.asyncFx(() -> model.show(List.of(new WorkflowSummary("hello", "", 3, null)), null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wf-open-examples").query().isManaged()).as("gone once there is a workflow").isFalse();
    }
}
