package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.cloudflare.InstallPageModel.Phase;
import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.console.ConsoleLine;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.progress.StepRow;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InstallPageModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final FakeSetup setup = new FakeSetup();
    private final InstallDraft draft = new InstallDraft();
    private final ConsoleViewModel console = new ConsoleViewModel(Runnable::run);
    private final InstallPageModel page = new InstallPageModel(new CurrentThreadTaskExecutor(), Runnable::run, setup, draft, i18n, console);

    private StepRow row(StepId id) {
        return page.steps().stream().filter(r -> r.step() == id).findFirst().orElseThrow();
    }

    @Test
    void finishingAStoppedInstallResumesItWithItsSavedNamePrefixSourceAndAccount() {
        draft.resume("cloudflare-team2", "team2-", "github:arcrun/arcrun@v1.2.0", "fedcba9876543210fedcba9876543210");
        page.enter();

        var options = setup.installs.getFirst();
        assertThat(options.resume()).as("continues after the last finished step").isTrue();
        assertThat(options.name()).isEqualTo("cloudflare-team2");
        assertThat(options.prefix()).isEqualTo("team2-");
        assertThat(options.source()).isEqualTo("github:arcrun/arcrun@v1.2.0");
        assertThat(options.accountId()).contains("fedcba9876543210fedcba9876543210");
        assertThat(setup.installTokens).as("the token kept with the install is used").containsExactly("");
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(draft.resuming()).as("a later install from the wizard starts fresh").isFalse();
    }

    @Test
    void aSuccessfulRunShowsEachStepTheConsoleAndTheUrlAndForgetsTheToken() {
        draft.token("tok");
        setup.script = l -> {
            l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
            // the toolchain's Node.js download: core's numbers, worded from the app's catalog
            l.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                    java.util.Optional.of(new InstallEvent.Transfer(13L << 20, 52L << 20, 4.5 * (1 << 20)))));
            assertThat(page.progressProperty().get()).isEqualTo(0.25);
            assertThat(page.progressTextProperty().get()).isEqualTo("Downloading: 13.0 of 52.0 MiB (4.5 MiB/s)");
            l.on(new InstallEvent.Succeeded(StepId.TOOLCHAIN, Note.of(Note.Code.TOOLCHAIN_READY, "22", "4"), Duration.ofSeconds(1)));
            l.on(new InstallEvent.Skipped(StepId.VERIFY, Note.of(Note.Code.DONE_EARLIER)));
            l.on(new InstallEvent.Started(StepId.DEPLOY));
            l.on(new InstallEvent.Progress(StepId.DEPLOY, 0.5, Note.of(Note.Code.UNPACKED, 3)));
            l.on(new InstallEvent.Log(StepId.DEPLOY, "arcrun-registry", "Uploaded arcrun-registry (1.2 sec)", LogLevel.INFO));
            assertThat(page.progressProperty().get()).isEqualTo(0.5);
            assertThat(row(StepId.DEPLOY).stateProperty().get()).isEqualTo(StepRow.State.RUNNING);
            l.on(new InstallEvent.Succeeded(StepId.DEPLOY, Note.of(Note.Code.DEPLOYED, 2, List.of("a", "b")), Duration.ofSeconds(9)));
            l.on(new InstallEvent.Warning(StepId.CHECK, Failure.of(Failure.Code.ENGINE_NOT_ANSWERING, "u", "x"), Advice.of(Advice.Code.CHECK_LATER)));
            return new PipelineOutcome.Completed(List.of(StepId.TOOLCHAIN, StepId.DEPLOY), List.of(StepId.VERIFY),
                    "https://arcrun-cypher-executor.ada.workers.dev");
        };
        assertThat(page.steps()).extracting(StepRow::step).startsWith(StepId.TOOLCHAIN, StepId.VERIFY, StepId.PROVISION)
                .endsWith(StepId.CHECK);
        page.enter();

        assertThat(setup.installTokens).containsExactly("tok");
        assertThat(setup.installs.getFirst().resume()).isFalse();
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(page.validProperty().get()).isTrue();
        assertThat(page.backAllowedProperty().get()).isFalse();
        assertThat(row(StepId.TOOLCHAIN).stateProperty().get()).isEqualTo(StepRow.State.DONE);
        assertThat(row(StepId.TOOLCHAIN).summaryProperty().get()).isEqualTo("node 22, wrangler 4");
        assertThat(row(StepId.VERIFY).stateProperty().get()).isEqualTo(StepRow.State.SKIPPED);
        assertThat(row(StepId.DEPLOY).stateProperty().get()).isEqualTo(StepRow.State.DONE);
        assertThat(row(StepId.SEED).stateProperty().get()).isEqualTo(StepRow.State.PENDING);
        assertThat(console.lines()).extracting(ConsoleLine::text).contains("Uploaded arcrun-registry (1.2 sec)");
        assertThat(page.warningProperty().get()).isEqualTo(i18n.get("cf.done.notyet"));
        assertThat(row(StepId.CHECK).stateProperty().get()).as("did not answer yet: not green").isEqualTo(StepRow.State.WARNING);
        assertThat(draft.engineUrl()).isEqualTo("https://arcrun-cypher-executor.ada.workers.dev");
        assertThat(draft.token()).as("stored by the pipeline; the wizard lets go of it").isEmpty();

        page.enter(); // shown again: does not install twice
        assertThat(setup.installs).hasSize(1);
    }

    @Test
    void aFailureShowsCauseAndAdviceAndTryAgainResumes() {
        draft.token("tok");
        setup.script = l -> {
            l.on(new InstallEvent.Started(StepId.PROVISION));
            var cause = Failure.of(Failure.Code.CLOUDFLARE_REFUSED, dev.arcrun.core.cloudflare.Operation.CREATE_R2_BUCKET, "HTTP 500");
            l.on(new InstallEvent.Failed(StepId.PROVISION, cause, Advice.of(Advice.Code.RESUME)));
            return new PipelineOutcome.Failed(StepId.PROVISION, cause, Advice.of(Advice.Code.RESUME));
        };
        page.enter();
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.backAllowedProperty().get()).isTrue();
        assertThat(page.causeProperty().get()).isEqualTo("Cloudflare refused creating an R2 bucket: HTTP 500.");
        assertThat(page.adviceProperty().get()).as("the app's words for resuming: its button, no command line")
                .isEqualTo(i18n.get("advice.resume")).contains("Try again").doesNotContain("--");
        assertThat(row(StepId.PROVISION).stateProperty().get()).isEqualTo(StepRow.State.FAILED);

        setup.script = l -> new PipelineOutcome.Completed(List.of(), List.of(), "https://e.test");
        page.tryAgain();
        assertThat(setup.installs).hasSize(2);
        assertThat(setup.installs.get(1).resume()).isTrue();
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(page.causeProperty().get()).isEmpty();
        assertThat(row(StepId.PROVISION).stateProperty().get()).isEqualTo(StepRow.State.PENDING);
    }

    @Test
    void aCancelledRunSaysSoAndCanContinue() {
        draft.token("tok");
        setup.script = l -> {
            l.on(new InstallEvent.Started(StepId.DEPLOY));
            page.cancel(); // the user presses Cancel while wrangler runs
            l.on(new InstallEvent.Cancelled(StepId.DEPLOY));
            return new PipelineOutcome.Cancelled(StepId.DEPLOY);
        };
        page.enter();
        assertThat(setup.cancels).isEqualTo(1);
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.CANCELLED);
        assertThat(page.causeProperty().get()).isEqualTo(i18n.get("cf.install.cancelled"));
        assertThat(page.adviceProperty().get()).isEmpty();
        assertThat(row(StepId.DEPLOY).stateProperty().get()).isEqualTo(StepRow.State.PENDING);
        page.tryAgain();
        assertThat(setup.installs.get(1).resume()).isTrue();
    }

    @Test
    void comingBackThroughThePlanAfterAFailureResumesWithTheNewChoices() {
        draft.token("tok");
        setup.script = l -> new PipelineOutcome.Failed(StepId.FETCH, Failure.of(Failure.Code.UNWORDED, "Downloading failed."), Advice.NONE);
        page.enter();
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.FAILED);

        draft.options("arcrun-", "builtin"); // Back, another engine source, Next, Install
        setup.script = l -> new PipelineOutcome.Completed(List.of(), List.of(), "https://e.test");
        page.enter();
        assertThat(setup.installs).hasSize(2);
        assertThat(setup.installs.get(1).resume()).isTrue();
        assertThat(setup.installs.get(1).source()).isEqualTo("builtin");
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.DONE);
    }

    @Test
    void everyStepPhaseAndPermissionStateHasItsTextInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            I18n l = new I18n(locale);
            for (StepId id : StepId.values()) {
                assertThat(l.core().step(id)).as(locale + " " + id).doesNotStartWith("!");
            }
            for (Phase p : Phase.values()) {
                assertThat(l.get("cf.install.phase." + p.name().toLowerCase(Locale.ROOT))).as(locale + " " + p).doesNotStartWith("!");
            }
            for (String s : List.of("granted", "missing", "unchecked")) {
                assertThat(l.get("cf.token.perm." + s)).doesNotStartWith("!");
            }
        }
    }

    @Test
    void aRunningInstallIsReportedSoClosingTheWindowAsksAndStopsIt() {
        dev.arcrun.app.common.Activities activities = new dev.arcrun.app.common.Activities();
        page.tracking(activities);
        draft.token("tok");
        setup.script = l -> {
            assertThat(activities.running()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(dev.arcrun.app.common.Activities.Kind.INSTALL);
                assertThat(a.install()).isEqualTo("cloudflare");
            });
            activities.stopAll(); // what "Stop and close" does
            return new PipelineOutcome.Cancelled(StepId.DEPLOY);
        };

        page.enter();

        assertThat(setup.cancels).as("stopping the activity cancels the run").isEqualTo(1);
        assertThat(activities.running()).as("a finished run no longer keeps the window from closing").isEmpty();
        assertThat(page.phaseProperty().get()).isEqualTo(Phase.CANCELLED);
    }
}
