package dev.arcrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.app.shell.Page;
import dev.arcrun.app.shell.WindowPlace;
import dev.arcrun.core.config.AppHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The next start opens with the size, position and page the user left. */
@ExtendWith(ApplicationExtension.class)
class RememberedPlaceTest {
    @TempDir
    Path folder;
    private Stage stage;

    private static MainWindow window() {
        return new MainWindow(new I18n(Locale.ENGLISH), List.of(
                new Page("home", "nav.home", org.kordamp.ikonli.feather.Feather.HOME, () -> new Label("home")),
                new Page("dashboard", "nav.dashboard", org.kordamp.ikonli.feather.Feather.GRID, () -> new Label("dash"))));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sizePositionAndPageComeBack(FxRobot robot) {
        AppHome home = new AppHome(folder);
        robot.interact(() -> {
            MainWindow first = window();
            stage.setScene(new Scene(first, 900, 600));
            stage.show();
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(640);
            first.show("dashboard");
            ArcrunApp.remember(stage, first, home);
            stage.hide();
        });
        assertThat(WindowPlace.load(folder)).hasValueSatisfying(p -> assertThat(p.page()).isEqualTo("dashboard"));

        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            second[0] = window();
            stage.setScene(new Scene(second[0], 900, 600));
            ArcrunApp.restore(stage, second[0], WindowPlace.load(folder).orElseThrow());
            stage.show();
        });

        assertThat(second[0].currentPageProperty().get()).isEqualTo("dashboard");
        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(640);
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getY()).isEqualTo(30);
    }
}
