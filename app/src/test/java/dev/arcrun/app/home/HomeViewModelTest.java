package dev.arcrun.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.console.ConsoleLine;
import dev.arcrun.app.home.HomeViewModel.Phase;
import dev.arcrun.app.progress.StepRow;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The home page's start on this computer: the pipeline's events in, the steps, progress, lines and problems out. */
class HomeViewModelTest {
    private static final String URL = "http://127.0.0.1:8787";
    private static final String NODE = "https://nodejs.org/dist/v22.12.0/node-v22.12.0-linux-x64.tar.xz";

    /** A start that plays {@code script} to the page's listener and ends as it returns. */
    static HomeViewModel.LocalEngineStarter scripted(Function<InstallListener, PipelineOutcome> script) {
        return listener -> new HomeViewModel.LocalRun() {
            @Override public PipelineOutcome execute() { return script.apply(listener); }

            @Override public void cancel() { }
        };
    }

    private static HomeViewModel model(Locale locale, HomeViewModel.LocalEngineStarter starter) {
        return new HomeViewModel(new CurrentThreadTaskExecutor(), Runnable::run, new I18n(locale), starter, () -> { }, () -> { });
    }

    private static StepRow row(HomeViewModel vm, StepId id) {
        return vm.steps().stream().filter(s -> s.step() == id).findFirst().orElseThrow();
    }

    @Test
    void startLocalShowsEachStepTheToolsLinesAndTheUrl() {
        List<String> progressSeen = new ArrayList<>();
        var vm = model(Locale.ENGLISH, scripted(l -> {
            l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
            l.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING, "22.12.0"),
                    Optional.of(new InstallEvent.Transfer(12L << 20, 48L << 20, 4 << 20))));
            l.on(new InstallEvent.Log(StepId.TOOLCHAIN, "npm", "added 12 packages in 3s", LogLevel.INFO));
            l.on(new InstallEvent.Succeeded(StepId.TOOLCHAIN, Note.of(Note.Code.TOOLCHAIN_READY, "22", "4"), Duration.ofSeconds(3)));
            l.on(new InstallEvent.Skipped(StepId.FETCH, Note.of(Note.Code.DONE_EARLIER)));
            l.on(new InstallEvent.Started(StepId.START));
            l.on(new InstallEvent.Log(StepId.START, "engine", "Ready on http://127.0.0.1:8787", LogLevel.INFO));
            l.on(new InstallEvent.Succeeded(StepId.START, Note.of(Note.Code.DONE_EARLIER), Duration.ofSeconds(1)));
            return new PipelineOutcome.Completed(List.of(StepId.TOOLCHAIN, StepId.START), List.of(StepId.FETCH), URL);
        }));
        vm.progressTextProperty().addListener((o, was, now) -> progressSeen.add(now));
        vm.startLocal();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(vm.localUrlProperty().get()).isEqualTo(URL);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.causeProperty().get()).isEmpty();
        assertThat(vm.steps()).extracting(StepRow::title).first().isEqualTo("Prepare node and wrangler");
        assertThat(row(vm, StepId.TOOLCHAIN).stateProperty().get()).isEqualTo(StepRow.State.DONE);
        assertThat(row(vm, StepId.TOOLCHAIN).summaryProperty().get()).isEqualTo("node 22, wrangler 4");
        assertThat(row(vm, StepId.FETCH).stateProperty().get()).isEqualTo(StepRow.State.SKIPPED);
        assertThat(row(vm, StepId.START).stateProperty().get()).isEqualTo(StepRow.State.DONE);
        assertThat(row(vm, StepId.SEED).stateProperty().get()).as("never reported").isEqualTo(StepRow.State.PENDING);
        assertThat(progressSeen).as("the toolchain download in bytes, not only a step title")
                .contains("Downloading: 12.0 of 48.0 MiB (4.0 MiB/s)");
        assertThat(vm.progressTextProperty().get()).as("cleared once done").isEmpty();
        assertThat(vm.console().lines()).extracting(ConsoleLine::text)
                .containsExactly("added 12 packages in 3s", "Ready on http://127.0.0.1:8787");
    }

    /** A starter whose engine runs, or not, as {@code running} says: what the page finds when it is shown. */
    private static HomeViewModel.LocalEngineStarter runningWhen(AtomicBoolean running,
                                                                Function<InstallListener, PipelineOutcome> script) {
        HomeViewModel.LocalEngineStarter start = scripted(script);
        return new HomeViewModel.LocalEngineStarter() {
            @Override public HomeViewModel.LocalRun prepare(InstallListener l) throws Exception { return start.prepare(l); }

            @Override public Optional<String> runningUrl() { return running.get() ? Optional.of(URL) : Optional.empty(); }
        };
    }

    @Test
    void showingThePageFindsAnEngineStartedOrStoppedElsewhere() {
        AtomicBoolean running = new AtomicBoolean(false);
        var vm = model(Locale.ENGLISH, runningWhen(running, l -> new PipelineOutcome.Completed(List.of(), List.of(), URL)));
        vm.refresh();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);

        running.set(true); // started by the CLI, or kept running by an earlier session
        vm.refresh();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(vm.localUrlProperty().get()).isEqualTo(URL);

        running.set(false); // the dashboard's Stop
        vm.refresh();
        assertThat(vm.phaseProperty().get()).as("no address of an engine that is gone").isEqualTo(Phase.IDLE);
        assertThat(vm.localUrlProperty().get()).isEmpty();
    }

    @Test
    void showingThePageAgainKeepsWhyTheStartFailed() {
        AtomicBoolean running = new AtomicBoolean(false);
        Failure cause = Failure.of(Failure.Code.LOCAL_ENGINE_EXITED, 1);
        var vm = model(Locale.ENGLISH, runningWhen(running, l -> new PipelineOutcome.Failed(StepId.START, cause, Advice.NONE)));
        vm.startLocal();
        vm.refresh();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.causeProperty().get()).isNotEmpty();
    }

    @Test
    void aFailedStepIsMarkedAndItsCauseAndAdviceAreCoresWordsInChinese() {
        var vm = model(Locale.TRADITIONAL_CHINESE, scripted(l -> {
            l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
            l.on(new InstallEvent.Log(StepId.TOOLCHAIN, "node", "fetch failed: ECONNRESET", LogLevel.ERROR));
            Failure cause = Failure.of(Failure.Code.DOWNLOAD_FAILED, NODE, 3, Failure.of(Failure.Code.DOWNLOAD_CONNECTION_FAILED));
            l.on(new InstallEvent.Failed(StepId.TOOLCHAIN, cause, Advice.of(Advice.Code.CHECK_INTERNET)));
            return new PipelineOutcome.Failed(StepId.TOOLCHAIN, cause, Advice.of(Advice.Code.CHECK_INTERNET));
        }));
        vm.startLocal();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.localUrlProperty().get()).isEmpty();
        StepRow toolchain = row(vm, StepId.TOOLCHAIN);
        assertThat(toolchain.title()).isEqualTo("準備 node 與 wrangler");
        assertThat(toolchain.stateProperty().get()).isEqualTo(StepRow.State.FAILED);
        assertThat(toolchain.summaryProperty().get()).as("the cause is said once, under the list").isEmpty();
        assertThat(vm.causeProperty().get()).isEqualTo("下載 " + NODE + " 失敗了 3 次；最後一次：連線失敗。");
        assertThat(vm.adviceProperty().get()).isEqualTo("請檢查網路連線，然後再試一次。");
        assertThat(vm.console().lines()).extracting(ConsoleLine::text)
                .as("the tool's own line, then the failure in the user's words")
                .containsExactly("fetch failed: ECONNRESET", "下載 " + NODE + " 失敗了 3 次；最後一次：連線失敗。");
    }

    @Test
    void aFailureBeforeThePipelineRunsIsWordedAndTryAgainStartsAfresh() {
        AtomicBoolean broken = new AtomicBoolean(true);
        var vm = model(Locale.ENGLISH, listener -> {
            if (broken.getAndSet(false)) {
                throw new UserFacingException(Failure.of(Failure.Code.TARGET_MISMATCH, "local", "cloudflare", "local"),
                        Advice.of(Advice.Code.OTHER_NAME));
            }
            return scripted(l -> new PipelineOutcome.Completed(List.of(), List.of(), URL)).prepare(listener);
        });
        vm.startLocal();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.causeProperty().get()).isNotEmpty().doesNotContain("failure.");
        assertThat(vm.adviceProperty().get()).isNotEmpty().doesNotContain("--");

        vm.startLocal(); // Try again
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(vm.causeProperty().get()).isEmpty();
        assertThat(vm.adviceProperty().get()).isEmpty();
        assertThat(vm.localUrlProperty().get()).isEqualTo(URL);
    }

    @Test
    void cancelStopsTheRunningPipelineAndTheStepSaysSo() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        HomeViewModel.LocalEngineStarter starter = listener -> new HomeViewModel.LocalRun() {
            @Override
            public PipelineOutcome execute() {
                listener.on(new InstallEvent.Started(StepId.TOOLCHAIN));
                started.countDown();
                try {
                    stopped.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listener.on(new InstallEvent.Cancelled(StepId.TOOLCHAIN));
                return new PipelineOutcome.Cancelled(StepId.TOOLCHAIN);
            }

            @Override
            public void cancel() {
                stopped.countDown();
            }
        };
        java.util.concurrent.BlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        // the start runs on its own thread, as in the app; its results come back on "the UI thread" (this one)
        dev.arcrun.app.common.TaskExecutor background = new dev.arcrun.app.common.TaskExecutor() {
            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> ok,
                                    java.util.function.Consumer<Throwable> failed) {
                Thread.ofVirtual().start(() -> {
                    try {
                        T t = work.call();
                        ui.add(() -> ok.accept(t));
                    } catch (Exception e) {
                        ui.add(() -> failed.accept(e));
                    }
                });
            }
        };
        Activities activities = new Activities();
        var vm = new HomeViewModel(background, ui::add, new I18n(Locale.ENGLISH), starter, () -> { }, () -> { })
                .tracking(activities);
        vm.startLocal();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(activities.running()).as("closing the window asks first").hasSize(1);

        vm.cancel();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.CANCELLING);
        assertThat(vm.busyProperty().get()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // "the UI thread" runs what arrives, waiting for each task, until the cancel is shown or the deadline passes
        while (vm.phaseProperty().get() != Phase.CANCELLED && System.nanoTime() < deadline) {
            Runnable task = ui.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }

        assertThat(stopped.getCount()).as("the pipeline was told to stop").isZero();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.CANCELLED);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(row(vm, StepId.TOOLCHAIN).stateProperty().get()).isEqualTo(StepRow.State.PENDING);
        assertThat(row(vm, StepId.TOOLCHAIN).summaryProperty().get()).isEqualTo("cancelled");
        assertThat(vm.causeProperty().get()).startsWith("You cancelled the start.").doesNotContain("--");
        assertThat(activities.running()).isEmpty();
    }

    @Test
    void anEngineThatDoesNotAnswerPointsToItsLinesInPlainEnglish() {
        var vm = model(Locale.ENGLISH, scripted(l -> {
            Failure cause = Failure.of(Failure.Code.LOCAL_ENGINE_SILENT, URL, "connection refused");
            l.on(new InstallEvent.Started(StepId.START));
            l.on(new InstallEvent.Failed(StepId.START, cause, Advice.of(Advice.Code.LOCAL_LOG)));
            return new PipelineOutcome.Failed(StepId.START, cause, Advice.of(Advice.Code.LOCAL_LOG));
        }));
        vm.startLocal();
        assertThat(row(vm, StepId.START).stateProperty().get()).isEqualTo(StepRow.State.FAILED);
        assertThat(vm.causeProperty().get()).isEqualTo("The engine on this computer does not answer at " + URL + ": connection refused");
        assertThat(vm.adviceProperty().get()).as("one apostrophe, and no button this page does not have")
                .isEqualTo("Look at the engine's lines in the console, then try again.");
    }

    @Test
    void aWarningIsShownWithWhatToDo() {
        var vm = model(Locale.ENGLISH, scripted(l -> {
            l.on(new InstallEvent.Warning(StepId.CHECK, Failure.of(Failure.Code.ENGINE_NOT_ANSWERING, URL, "timed out"),
                    Advice.of(Advice.Code.CHECK_LATER)));
            return new PipelineOutcome.Completed(List.of(StepId.CHECK), List.of(), URL);
        }));
        vm.startLocal();
        assertThat(vm.warningProperty().get()).contains(URL);
        assertThat(row(vm, StepId.CHECK).stateProperty().get()).isEqualTo(StepRow.State.WARNING);
        assertThat(vm.localUrlProperty().get()).isEqualTo(URL);
    }

    @Test
    void everyPhaseThePageNamesHasWordsInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            I18n i18n = new I18n(locale);
            for (Phase p : List.of(Phase.STARTING, Phase.CANCELLING, Phase.FAILED, Phase.CANCELLED)) {
                String key = "home.local.phase." + p.name().toLowerCase(Locale.ROOT);
                assertThat(i18n.get(key)).as(key + " in " + locale).isNotBlank().isNotEqualTo(key).doesNotContain("--");
            }
        }
    }

    @Test
    void theCloudflareCardAndOpenDashboardUseTheWindowsNavigation() {
        var wizard = new java.util.concurrent.atomic.AtomicInteger();
        var dashboard = new java.util.concurrent.atomic.AtomicInteger();
        var vm = new HomeViewModel(new CurrentThreadTaskExecutor(), Runnable::run, new I18n(Locale.ENGLISH),
                scripted(l -> new PipelineOutcome.Completed(List.of(), List.of(), URL)), wizard::incrementAndGet, dashboard::incrementAndGet);
        vm.openCloudflareWizard();
        assertThat(wizard).hasValue(1);
        assertThat(dashboard).hasValue(0);
        vm.openDashboard();
        assertThat(dashboard).hasValue(1);
    }
}
