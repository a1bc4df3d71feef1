package dev.arcrun.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Traditional Chinese user presses "Start on this computer" and the toolchain's download fails: the home page marks
 * the step failed and shows core's cause and advice in Chinese, with the tools' lines and Try again; during a download
 * it shows the bytes, and Cancel stops the pipeline. The engine is a scripted one: no network, no node.
 */
@ExtendWith(ApplicationExtension.class)
class HomeStartInChineseTest {
    private static final String NODE = "https://nodejs.org/dist/v22.12.0/node-v22.12.0-linux-x64.tar.xz";
    private static final String URL = "http://127.0.0.1:8787";
    private static final String CAUSE = "下載 " + NODE + " 失敗了 3 次；最後一次：連線失敗。";

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final AtomicInteger starts = new AtomicInteger();
    private final CountDownLatch downloading = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    /** What the next start does: the first fails, a second one runs (see each test). */
    private volatile Script script;

    private interface Script {
        PipelineOutcome play(InstallListener listener);
    }

    @Start
    void start(Stage stage) {
        HomeViewModel.LocalEngineStarter starter = listener -> new HomeViewModel.LocalRun() {
            @Override public PipelineOutcome execute() {
                starts.incrementAndGet();
                return script.play(listener);
            }

            @Override public void cancel() { cancelled.countDown(); }
        };
        HomeViewModel model = new HomeViewModel(executor, Platform::runLater, new I18n(Locale.TRADITIONAL_CHINESE), starter,
                () -> { }, () -> { });
        show(stage, model, new I18n(Locale.TRADITIONAL_CHINESE));
    }

    /** The home page in a window as the app shows it: scrolling, styled by the app's theme. */
    static void show(Stage stage, HomeViewModel model, I18n i18n) {
        ScrollPane page = new ScrollPane(new HomeView(model, i18n));
        page.setFitToWidth(true);
        Scene scene = new Scene(page, 1100, 700);
        dev.arcrun.app.theme.ThemeManager.app().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    /** The toolchain's download fails after a try, as it does without internet. */
    private static PipelineOutcome toolchainFails(InstallListener l) {
        l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
        l.on(new InstallEvent.Log(StepId.TOOLCHAIN, "node", "connect ECONNREFUSED nodejs.org:443", LogLevel.ERROR));
        Failure cause = Failure.of(Failure.Code.DOWNLOAD_FAILED, NODE, 3, Failure.of(Failure.Code.DOWNLOAD_CONNECTION_FAILED));
        l.on(new InstallEvent.Failed(StepId.TOOLCHAIN, cause, Advice.of(Advice.Code.CHECK_INTERNET)));
        return new PipelineOutcome.Failed(StepId.TOOLCHAIN, cause, Advice.of(Advice.Code.CHECK_INTERNET));
    }

    private static PipelineOutcome runs(InstallListener l) {
        l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
        l.on(new InstallEvent.Succeeded(StepId.TOOLCHAIN, Note.of(Note.Code.TOOLCHAIN_READY, "22", "4"), Duration.ZERO));
        return new PipelineOutcome.Completed(List.of(StepId.TOOLCHAIN), List.of(), URL);
    }

    @Test
    void aFailedToolchainShowsTheStepCoresCauseAndAdviceInChineseAndTryAgainStartsAgain(FxRobot robot) throws Exception {
        script = HomeStartInChineseTest::toolchainFails;
        robot.clickOn("#start-local");
        waitUntil(() -> robot.lookup("#local-failure").queryAs(Node.class).isVisible());

        assertThat(robot.lookup("#step-toolchain.step-state-failed").tryQuery()).as("the step is marked failed").isPresent();
        assertThat(robot.lookup("#step-toolchain").lookup(".step-title").queryAs(Labeled.class).getText()).isEqualTo("準備 node 與 wrangler");
        assertThat(robot.lookup("#local-status").queryAs(Label.class).getText()).isEqualTo("引擎沒有啟動");
        assertThat(robot.lookup("#local-cause").queryAs(Label.class).getText()).isEqualTo(CAUSE);
        assertThat(robot.lookup("#local-cause").queryAs(Node.class).getStyleClass()).contains(atlantafx.base.theme.Styles.DANGER);
        assertThat(robot.lookup("#local-advice").queryAs(Label.class).getText()).isEqualTo("請檢查網路連線，然後再試一次。");
        Button again = robot.lookup("#local-try-again").queryButton();
        assertThat(again.getText()).isEqualTo("再試一次");
        assertThat(robot.lookup("#start-local").queryAs(Node.class).isVisible()).as("Try again takes Start's place").isFalse();
        assertThat(robot.lookup("#local-console").queryAs(Node.class).isVisible()).as("the lines say why: shown").isTrue();
        ListView<?> lines = robot.lookup("#local-console").lookup("#console-list").queryListView();
        assertThat(lines.getItems()).hasSize(2);
        assertThat(lines.getItems().get(0).toString()).contains("ECONNREFUSED");
        assertThat(robot.lookup("#local-details").queryAs(Labeled.class).getText()).isEqualTo("隱藏詳細資訊");
        assertThat(robot.lookup(".label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .as("no GUI text names a CLI flag").noneMatch(t -> t != null && t.contains("--"));

        script = HomeStartInChineseTest::runs;
        assertThat(again.isDefaultButton()).as("Enter tries again").isTrue();
        // fired as Enter would: the opened console may have moved the button out of the test window's small view
        org.testfx.util.WaitForAsyncUtils.asyncFx(again::fire).get();
        waitUntil(() -> robot.lookup("#local-url").queryAs(Label.class).isVisible());
        assertThat(starts).hasValue(2);
        assertThat(robot.lookup("#local-url").queryAs(Label.class).getText()).isEqualTo("執行中：" + URL);
        assertThat(robot.lookup("#local-failure").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#open-dashboard").queryAs(Node.class).isVisible()).isTrue();
    }

    @Test
    void aDownloadShowsItsBytesAndCancelStopsThePipeline(FxRobot robot) throws Exception {
        script = l -> {
            l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
            l.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                    Optional.of(new InstallEvent.Transfer(12L << 20, 48L << 20, 4 << 20))));
            downloading.countDown();
            try {
                cancelled.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            l.on(new InstallEvent.Cancelled(StepId.TOOLCHAIN));
            return new PipelineOutcome.Cancelled(StepId.TOOLCHAIN);
        };
        robot.clickOn("#start-local");
        assertThat(downloading.await(10, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> !robot.lookup("#local-progress-text").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#local-progress-text").queryAs(Label.class).getText()).isEqualTo("下載中：12.0 / 48.0 MiB（每秒 4.0 MiB）");
        assertThat(robot.lookup("#local-status").queryAs(Label.class).getText()).isEqualTo("正在這台電腦上啟動引擎…");
        assertThat(robot.lookup("#step-toolchain.step-state-running").tryQuery()).isPresent();
        assertThat(robot.lookup("#local-progress").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#local-console").queryAs(Node.class).isVisible()).as("folded while it goes well").isFalse();

        Button cancel = robot.lookup("#cancel-local").queryButton();
        assertThat(cancel.getText()).isEqualTo("取消");
        robot.clickOn(cancel);
        waitUntil(() -> robot.lookup("#local-failure").queryAs(Node.class).isVisible());
        assertThat(cancelled.getCount()).as("the pipeline was told to stop").isZero();
        assertThat(robot.lookup("#local-status").queryAs(Label.class).getText()).isEqualTo("已取消啟動");
        assertThat(robot.lookup("#local-cause").queryAs(Label.class).getText()).startsWith("你取消了啟動。");
        assertThat(robot.lookup("#local-failure").queryAs(Node.class).getStyleClass()).as("a cancel is no error")
                .contains(dev.arcrun.app.theme.AppStyles.STOPPED_BOX);
        assertThat(robot.lookup("#local-cause").queryAs(Node.class).getStyleClass()).doesNotContain(atlantafx.base.theme.Styles.DANGER);
        assertThat(robot.lookup("#step-toolchain").lookup(".muted").queryAs(Labeled.class).getText()).isEqualTo("已取消");
        assertThat(robot.lookup("#cancel-local").queryAs(Node.class).isVisible()).isFalse();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
