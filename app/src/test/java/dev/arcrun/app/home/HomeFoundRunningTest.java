package dev.arcrun.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.install.PipelineOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app opens while the engine already runs (started by the CLI, or kept running by an earlier session): the home
 * page says where, and its next step is the dashboard, not another Start; a start that ran here ends the same way.
 */
@ExtendWith(ApplicationExtension.class)
class HomeFoundRunningTest {
    private static final String URL = "http://127.0.0.1:8787";

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean dashboardOpened = new AtomicBoolean();
    private final AtomicReference<HomeViewModel> model = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        HomeViewModel.LocalEngineStarter starter = new HomeViewModel.LocalEngineStarter() {
            @Override public HomeViewModel.LocalRun prepare(dev.arcrun.core.install.InstallListener listener) {
                return new HomeViewModel.LocalRun() {
                    @Override public PipelineOutcome execute() {
                        listener.on(new dev.arcrun.core.install.InstallEvent.Log(dev.arcrun.core.install.StepId.START,
                                "engine", "Ready on " + URL, dev.arcrun.core.deploy.LogLevel.INFO));
                        return new PipelineOutcome.Completed(List.of(), List.of(), URL);
                    }

                    @Override public void cancel() { }
                };
            }

            @Override public Optional<String> runningUrl() {
                return running.get() ? Optional.of(URL) : Optional.empty();
            }
        };
        I18n i18n = new I18n(Locale.ENGLISH);
        model.set(new HomeViewModel(executor, Platform::runLater, i18n, starter, () -> { }, () -> dashboardOpened.set(true)));
        HomeStartInChineseTest.show(stage, model.get(), i18n);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void anEngineFoundRunningOffersTheDashboardAndNoEmptyDetails(FxRobot robot) throws Exception {
        robot.interact(() -> model.get().refresh()); // what the window does when it shows the page
        waitUntil(() -> shown(robot.lookup("#open-dashboard").query()));

        assertThat(robot.lookup("#local-url").queryAs(Label.class).getText()).isEqualTo("Running at " + URL);
        assertThat(shown(robot.lookup("#start-local").query())).as("no second Start").isFalse();
        assertThat(robot.lookup("#open-dashboard").queryButton().isDefaultButton()).isTrue();
        assertThat(shown(robot.lookup("#local-details").query())).as("nothing to show behind Show details").isFalse();
        robot.type(KeyCode.ENTER);
        waitUntil(dashboardOpened::get);

        running.set(false); // stopped on the dashboard, then back to this page
        robot.interact(() -> model.get().refresh());
        waitUntil(() -> shown(robot.lookup("#start-local").query()));
        assertThat(shown(robot.lookup("#local-url").query())).as("no address of a stopped engine").isFalse();
        assertThat(robot.lookup("#start-local").queryButton().isDefaultButton()).isTrue();

        robot.interact(() -> robot.lookup("#start-local").queryButton().fire()); // a start here: its lines are kept
        waitUntil(() -> shown(robot.lookup("#open-dashboard").query()));
        assertThat(shown(robot.lookup("#start-local").query())).isFalse();
        assertThat(shown(robot.lookup("#local-details").query())).as("the start's lines").isTrue();
    }

    /** Visible on the page: the node and every parent shown. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
