package dev.arcrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.StepState;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.StepId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
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
 * Nothing a person must read ends in "…": every shown label, button and tab of every page, in English and
 * Traditional Chinese, at the window's default size and at its minimum size. Table and list cells may (their
 * tooltips hold the whole text), and so may a label that has a tooltip with all of it (the engine's long URL).
 */
@ExtendWith(ApplicationExtension.class)
class NoClippingTest {
    @TempDir
    Path root;

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void noPageCutsItsWordsShortAtTheDefaultOrTheMinimumSize(FxRobot robot) throws Exception {
        AppHome home = new AppHome(root);
        // an install that stopped: the banner, the dashboard's "unfinished" line and its Finish install show too
        new InstallConfigStore(home).save(InstallConfig.create("cloudflare", Target.CLOUDFLARE)
                .withStep(StepId.TOOLCHAIN.name(), new StepState(StepState.Status.SUCCEEDED, Instant.now(), null)));
        FileSecretStore secrets = new FileSecretStore(home, "tests use a file");
        List<String> cut = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            AppContext context = new AppContext(home, executor, Platform::runLater, new I18n(locale), () -> secrets,
                    ToolchainManager::forTests, Map.of());
            MainWindow window = WaitForAsyncUtils.asyncFx(() -> ArcrunApp.open(stage, context, url -> { }, running -> true))
                    .get(10, TimeUnit.SECONDS);
            for (double[] size : new double[][] {{1100, 700}, {ArcrunApp.MIN_WIDTH, ArcrunApp.MIN_HEIGHT}}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (String page : List.of("home", "dashboard", "cloudflare")) {
                    robot.interact(() -> window.show(page));
                    WaitForAsyncUtils.waitForFxEvents(); // the banner and the dashboard read the app folder
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#resume-banner").queryAs(Node.class).isVisible());
                    if (page.equals("dashboard")) {
                        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#install-unfinished")
                                .queryAs(Labeled.class).getText().length() > 0);
                    }
                    robot.interact(() -> stage.getScene().getRoot().layout());
                    String where = locale + " " + (int) size[0] + "x" + (int) size[1] + " " + page + ": ";
                    WaitForAsyncUtils.asyncFx(() -> truncated(stage.getScene().getRoot(), where, cut)).get(10, TimeUnit.SECONDS);
                }
            }
            robot.interact(stage::hide);
        }
        assertThat(cut).isEmpty();
    }

    private static Void truncated(Node n, String where, List<String> cut) {
        if (!n.isVisible() || n instanceof Cell<?>) {
            return null;
        }
        if (n instanceof Labeled l && l.isTextTruncated() && l.getTooltip() == null) {
            cut.add(where + (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " \"" + l.getText() + "\"");
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                truncated(child, where, cut);
            }
        }
        return null;
    }
}
