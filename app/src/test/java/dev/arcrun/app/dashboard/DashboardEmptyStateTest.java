package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no install on this computer the dashboard says so and leads to the Start page; no tabs to poke at. */
@ExtendWith(ApplicationExtension.class)
class DashboardEmptyStateTest {
    @TempDir Path root;
    private final AtomicReference<String> navigatedTo = new AtomicReference<>();
    private final FxTaskExecutor executor = new FxTaskExecutor(1);

    @Start
    void start(Stage stage) {
        AppHome home = new AppHome(root);
        var secrets = new FileSecretStore(home, "test");
        AppContext context = new AppContext(home, executor, javafx.application.Platform::runLater, new I18n(Locale.ENGLISH),
                () -> secrets, ToolchainManager::forTests, Map.of());
        Scene scene = new Scene(DashboardPage.create(context, navigatedTo::set, (o, t, f) -> Optional.empty()), 900, 600);
        new dev.arcrun.app.theme.ThemeManager().apply(scene); // as the app styles its window
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void noInstallShowsTheEmptyStateWhoseButtonOpensTheStartPage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dashboard-empty").query().isVisible());
        assertThat(robot.lookup(".dashboard-page").query().isVisible()).as("header and tabs hidden").isFalse();
        robot.clickOn("#empty-open-start");
        assertThat(navigatedTo.get()).isEqualTo("home");
    }
}
