package dev.arcrun.app.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.console.ConsoleLine;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one way the app shows a running pipeline (used by the wizard's install page and the dashboard's maintenance). */
class PipelineProgressTest {
    private record Change(StepId step, PipelineProgress.State state, String detail) {}

    private final List<Change> changes = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();
    private final ConsoleViewModel console = new ConsoleViewModel(Runnable::run);
    private final PipelineProgress progress = new PipelineProgress(ui::add, new CoreWords(new I18n(Locale.TRADITIONAL_CHINESE)),
            console, (id, state, detail) -> changes.add(new Change(id, state, detail)));

    private void runUi() {
        List<Runnable> now = new ArrayList<>(ui);
        ui.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void stepsProgressAndToolLinesAreShownInTheUsersLanguageWithTheToolsLevel() {
        progress.on(new InstallEvent.Started(StepId.FETCH));
        progress.on(new InstallEvent.Progress(StepId.FETCH, 0.25, Note.of(Note.Code.UNPACKED, 10)));
        progress.on(new InstallEvent.Progress(StepId.FETCH, 0.5, Note.of(Note.Code.UNPACKED, 20)));
        progress.on(new InstallEvent.Log(StepId.FETCH, "npm", "npm warn deprecated glob@7", LogLevel.of("npm warn deprecated glob@7")));
        progress.on(new InstallEvent.Succeeded(StepId.FETCH, Note.of(Note.Code.TOOLCHAIN_READY, "22", "4"), Duration.ZERO));
        progress.on(new InstallEvent.Failed(StepId.DEPLOY, Failure.of(Failure.Code.NO_SUBDOMAIN), Advice.of(Advice.Code.RESUME)));
        progress.on(new InstallEvent.Cancelled(StepId.SEED));
        assertThat(ui).as("progress is coalesced: one UI update for two events").hasSize(5);
        runUi();

        assertThat(progress.progressProperty().get()).isEqualTo(0.5);
        assertThat(progress.progressTextProperty().get()).isEqualTo("已解開 20 個檔案");
        assertThat(changes).containsExactly(new Change(StepId.FETCH, PipelineProgress.State.RUNNING, ""),
                new Change(StepId.FETCH, PipelineProgress.State.DONE, "node 22、wrangler 4"),
                new Change(StepId.DEPLOY, PipelineProgress.State.FAILED, "此 Cloudflare 帳號還沒有 workers.dev 子網域，引擎將沒有網址。"),
                new Change(StepId.SEED, PipelineProgress.State.PENDING, new I18n(Locale.TRADITIONAL_CHINESE).get("cf.install.step.cancelled")));
        assertThat(console.lines()).extracting(ConsoleLine::level)
                .containsExactly(ConsoleLine.Level.NOTICE, ConsoleLine.Level.ERROR);
    }

    @Test
    void arcrunsOwnLinesAreWordedInTheUsersLanguageAndToolLinesKeepTheirWords() {
        dev.arcrun.core.deploy.LogLine own = dev.arcrun.core.deploy.LogLine.note("local-engine", LogLevel.INFO,
                Note.of(Note.Code.LOCAL_ANSWERS, "http://127.0.0.1:8787"));
        progress.on(new InstallEvent.Log(StepId.START, own.worker(), own.text(), own.level(), own.note()));
        progress.on(new InstallEvent.Log(StepId.START, "local-engine", "Ready on http://127.0.0.1:8787", LogLevel.INFO));
        assertThat(console.lines()).extracting(ConsoleLine::text)
                .containsExactly("本機引擎已在 http://127.0.0.1:8787 回應。", "Ready on http://127.0.0.1:8787");
    }
}
