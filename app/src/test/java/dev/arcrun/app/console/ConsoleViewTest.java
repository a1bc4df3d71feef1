package dev.arcrun.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.ThemeManager;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    private ConsoleViewModel model;
    private ConsoleView view;

    @Start
    void start(Stage stage) {
        model = new ConsoleViewModel(Platform::runLater);
        view = new ConsoleView(model, new I18n(Locale.ENGLISH));
        Scene scene = new Scene(view, 600, 300);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void followsNewLinesUntilTheUserScrollsUpThenJumpsBackAndCopiesEverything(FxRobot robot) throws Exception {
        for (int chunk = 0; chunk < 10; chunk++) { // many batches, with layout passes between them
            appendFromAnotherThread(chunk * 30, chunk * 30 + 30);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> model.lines().size() == 300);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> isShown(robot, "line 299"));

        robot.clickOn("#console-list");
        robot.type(KeyCode.HOME); // back to the first line to read it (Monocle's robot sends no wheel events)
        waitUntil(() -> !view.followProperty().get());
        appendFromAnotherThread(300, 400);
        waitUntil(() -> model.lines().size() == 400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(isShown(robot, "line 399")).as("no jump while reading").isFalse();
        assertThat(robot.lookup("#console-latest").queryAs(Button.class).isVisible()).isTrue();

        robot.clickOn("#console-latest");
        waitUntil(() -> isShown(robot, "line 399"));
        assertThat(view.followProperty().get()).isTrue();

        robot.clickOn("#console-copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).startsWith("worker | line 0\n").endsWith("worker | line 399\n").hasLineCount(400);
    }

    private void appendFromAnotherThread(int from, int to) throws InterruptedException {
        Thread t = new Thread(() -> {
            for (int i = from; i < to; i++) {
                model.append("worker", "line " + i, dev.arcrun.core.deploy.LogLevel.INFO);
            }
        });
        t.start();
        t.join();
    }

    private static boolean isShown(FxRobot robot, String text) {
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> text.equals(c.getText()) && c.isVisible() && inViewport(c));
    }

    private static boolean inViewport(Node cell) {
        Node list = cell.getScene().lookup("#console-list");
        var cellBounds = cell.localToScene(cell.getBoundsInLocal());
        var listBounds = list.localToScene(list.getBoundsInLocal());
        return cellBounds.getMinY() >= listBounds.getMinY() - 1 && cellBounds.getMaxY() <= listBounds.getMaxY() + 1;
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
