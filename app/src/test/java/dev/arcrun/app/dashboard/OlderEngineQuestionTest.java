package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.console.ConsoleView;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.DeployedBundle;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Update on the Maintenance tab when the engine on offer has a lower version than the one running: the user is asked
 * first, with both versions, and saying no changes nothing. (The app's own engine, 99.0.0 as deployed here, is older.)
 */
@ExtendWith(ApplicationExtension.class)
class OlderEngineQuestionTest {
    private static final DeployedBundle RUNNING = new DeployedBundle("builtin", "99.0.0", "aa11", Instant.EPOCH);
    private Path root;
    private MaintenanceViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("older-engine");
        var context = ViewModelFixture.context(root);
        new InstallConfigStore(context.home()).save(InstallConfig.create("local", Target.LOCAL)
                .withEngineUrl(ViewModelFixture.NOWHERE).withDeployedBundle(RUNNING));
        var header = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { });
        header.reload();
        ConsoleViewModel console = new ConsoleViewModel(Runnable::run);
        model = new MaintenanceViewModel(EXECUTOR, Runnable::run, new Installs(context), header.connectionProperty(), I18N,
                console, () -> { });
        Scene scene = new Scene(new MaintenanceView(model, header, I18N, new ConsoleView(console, I18N)), 900, 640);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aLowerVersionAsksFirstWithBothVersionsAndNoChangesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#update-button"); // from where it came from: the app's own engine, a lower version than 99.0.0
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).matches("Go back to the older engine .+\\?").doesNotContain("99.0.0");
        assertThat(dialog.getContentText()).startsWith("The engine running now is 99.0.0; this one is ")
                .contains("an older version");
        assertThat(robot.lookup("#confirm-ok").queryButton().getText()).startsWith("Install ");

        robot.clickOn(I18N.get("dashboard.cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirm-ok").tryQuery()).as("the question is gone").isEmpty();
        ListView<?> steps = robot.lookup("#maint-steps").queryListView();
        assertThat(steps.getItems()).as("no pipeline ran").isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(new InstallConfigStore(new dev.arcrun.core.config.AppHome(root)).load("local").bundle())
                .as("the running engine is untouched").isEqualTo(RUNNING);
        assertThat(robot.lookup("#maint-notice").queryAs(Label.class).getText()).isEmpty();
    }
}
