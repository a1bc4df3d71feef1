package dev.arcrun.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.StepId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunProgressTest {
    private final RunProgress p = new RunProgress();

    @Test
    void countsStepsAndTheRunningStepsShareOfTheWholeRun() {
        p.plan(4);
        p.on(new InstallEvent.Started(StepId.FETCH));
        assertThat(p.currentProperty().get()).isEqualTo(1);
        p.on(new InstallEvent.Progress(StepId.FETCH, 0.5, Note.of(Note.Code.UNPACKED, 10), java.util.Optional.empty()));
        assertThat(p.fractionProperty().get()).isEqualTo(0.125);
        p.on(new InstallEvent.Succeeded(StepId.FETCH, Note.of(Note.Code.UNPACKED, 20), Duration.ofSeconds(3)));
        p.on(new InstallEvent.Skipped(StepId.SEED, Note.of(Note.Code.UNPACKED, 0)));
        p.on(new InstallEvent.Started(StepId.DEPLOY));
        assertThat(p.finishedProperty().get()).isEqualTo(2);
        assertThat(p.currentProperty().get()).isEqualTo(3);
        assertThat(p.fractionProperty().get()).isEqualTo(0.5);
        p.on(new InstallEvent.Succeeded(StepId.DEPLOY, Note.of(Note.Code.UNPACKED, 0), Duration.ZERO));
        p.on(new InstallEvent.Succeeded(StepId.DEPLOY, Note.of(Note.Code.UNPACKED, 0), Duration.ZERO));
        assertThat(p.finishedProperty().get()).as("an event seen twice counts once").isEqualTo(3);
    }

    @Test
    void timeLeftIsSaidOnlyForADownloadWithAKnownSizeAndRate() {
        p.plan(2);
        p.on(new InstallEvent.Started(StepId.FETCH));
        assertThat(p.secondsLeftProperty().get()).isEqualTo(RunProgress.UNKNOWN);
        Note note = Note.of(Note.Code.UNPACKED, 0);
        p.on(download(new InstallEvent.Transfer(10_000_000, 50_000_000, 2_000_000)));
        assertThat(p.secondsLeftProperty().get()).isEqualTo(20);
        p.on(download(new InstallEvent.Transfer(10_000_000, -1, 2_000_000)));
        assertThat(p.secondsLeftProperty().get()).as("size unknown").isEqualTo(RunProgress.UNKNOWN);
        p.on(download(new InstallEvent.Transfer(0, 50_000_000, 0)));
        assertThat(p.secondsLeftProperty().get()).as("no rate yet").isEqualTo(RunProgress.UNKNOWN);
        p.on(download(new InstallEvent.Transfer(49_000_000, 50_000_000, 2_000_000)));
        p.on(new InstallEvent.Succeeded(StepId.FETCH, note, Duration.ZERO));
        assertThat(p.secondsLeftProperty().get()).as("the download is over").isEqualTo(RunProgress.UNKNOWN);
    }

    private static InstallEvent.Progress download(InstallEvent.Transfer t) {
        return new InstallEvent.Progress(StepId.FETCH, t.total() > 0 ? (double) t.bytes() / t.total() : -1,
                Note.of(Note.Code.DOWNLOADING), java.util.Optional.of(t));
    }

    @Test
    void clearingTheConsoleHidesTheBar() {
        ConsoleViewModel vm = new ConsoleViewModel(Runnable::run);
        vm.progress().plan(5);
        vm.clear();
        assertThat(vm.progress().totalProperty().get()).isZero();
    }
}
