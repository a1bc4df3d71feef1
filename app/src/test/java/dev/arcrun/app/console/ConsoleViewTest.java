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

    private static final String LONG = "Your worker has access to the following bindings: KV namespace RUNS, R2 bucket "
            + "arcrun-runs, Durable Object REGISTRY, and the secrets ARCRUN_ADMIN_KEY and ARCRUN_SIGNING_KEY, end.";

    @Test
    void longLinesWrapToTheConsolesWidthAndWarningsWrapEvenWithWrappingOff(FxRobot robot) throws Exception {
        model.append("wrangler", LONG, dev.arcrun.core.deploy.LogLevel.INFO);
        model.append("wrangler", "▲ [WARNING] " + LONG, dev.arcrun.core.deploy.LogLevel.WARN);
        model.append("npm", "npm warn EBADENGINE Unsupported engine",
                dev.arcrun.core.deploy.LogLevel.of("npm warn EBADENGINE Unsupported engine"));
        model.append("wrangler", "short", dev.arcrun.core.deploy.LogLevel.INFO);
        waitUntil(() -> model.lines().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        double listWidth = robot.lookup("#console-list").queryAs(javafx.scene.control.ListView.class).getWidth();

        ListCell<?> info = cell(robot, LONG);
        assertThat(view.wrapProperty().get()).as("wrapping is on by default").isTrue();
        assertThat(info.getWidth()).as("no wider than the console").isLessThanOrEqualTo(listWidth);
        double oneLine = cell(robot, "short").getHeight();
        assertThat(info.getHeight()).as("wrapped onto two lines or more").isGreaterThan(oneLine * 1.5);
        assertThat(isTruncated(info)).isFalse();
        var tag = (javafx.scene.control.Label) info.getGraphic();
        assertThat(tag.getText()).isEqualTo("wrangler");
        assertThat(tag.getWidth()).as("the source is a narrow tag").isLessThanOrEqualTo(110);
        assertThat(tag.getStyleClass()).anyMatch(c -> c.startsWith("console-tag-"));
        assertThat(cell(robot, "npm warn EBADENGINE Unsupported engine").getStyleClass())
                .as("npm's advisory is dimmed, not a warning").contains("console-notice").doesNotContain("console-warning");

        robot.clickOn("#console-wrap");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.wrapProperty().get()).isFalse();
        waitUntil(() -> cell(robot, LONG).getHeight() <= oneLine); // the compact view: one line each
        ListCell<?> warning = cell(robot, "▲ [WARNING] " + LONG);
        assertThat(warning.getStyleClass()).contains("console-warning");
        assertThat(warning.getHeight()).as("a warning is never cut: it wraps").isGreaterThan(oneLine * 1.5);
        assertThat(isTruncated(warning)).isFalse();
        assertThat(warning.getWidth()).isLessThanOrEqualTo(listWidth);
    }

    @Test
    void aLongSourceSuchAsAStepsTitleStaysANarrowTagAndNamesItselfOnHover(FxRobot robot) throws Exception {
        String step = "Generate the api key and encryption key for this install";
        model.append(step, "the keychain did not answer within 10 s (is it locked?)", dev.arcrun.core.deploy.LogLevel.ERROR);
        model.append("wrangler", "short", dev.arcrun.core.deploy.LogLevel.INFO);
        waitUntil(() -> model.lines().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> line = cell(robot, "the keychain did not answer within 10 s (is it locked?)");
        var tag = (javafx.scene.control.Label) line.getGraphic();
        double listWidth = robot.lookup("#console-list").queryAs(javafx.scene.control.ListView.class).getWidth();
        assertThat(tag.getWidth()).as("the line keeps the width, not the source").isLessThanOrEqualTo(listWidth * 0.3);
        assertThat(line.getHeight()).as("one line: no room reserved for the uncut tag")
                .isLessThanOrEqualTo(cell(robot, "short").getHeight() + 1);
        assertThat(tag.getTooltip().getText()).isEqualTo(step);
        assertThat(line.lookupAll(".text").stream().filter(n -> !isInside(n, tag))
                .map(n -> ((javafx.scene.text.Text) n).getText())).as("the message itself is whole")
                .noneMatch(t -> t.endsWith("…") || t.endsWith("..."));
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theRunsBarSaysWhichStepOfHowManyAndTheDownloadsTimeLeft(FxRobot robot) {
        var p = model.progress();
        robot.interact(() -> {
            p.plan(13);
            p.on(new dev.arcrun.core.install.InstallEvent.Started(dev.arcrun.core.install.StepId.FETCH));
            p.on(new dev.arcrun.core.install.InstallEvent.Progress(dev.arcrun.core.install.StepId.FETCH, 0.2,
                    dev.arcrun.core.install.Note.of(dev.arcrun.core.install.Note.Code.DOWNLOADING),
                    java.util.Optional.of(new dev.arcrun.core.install.InstallEvent.Transfer(10_000_000, 50_000_000, 1_000_000))));
        });
        assertThat(robot.lookup("#console-run-text").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Step 1 of 13 · about 40 s left in this download");
        assertThat(robot.lookup("#console-run-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .isCloseTo(0.2 / 13, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static ListCell<?> cell(FxRobot robot, String text) {
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
    }

    /** Whether the cell shows its text cut with an ellipsis (JavaFX's own check, as the skin laid it out). */
    private static boolean isTruncated(ListCell<?> c) {
        return c.lookupAll(".text").stream().map(n -> ((javafx.scene.text.Text) n).getText()).anyMatch(t -> t.endsWith("…") || t.endsWith("..."));
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
