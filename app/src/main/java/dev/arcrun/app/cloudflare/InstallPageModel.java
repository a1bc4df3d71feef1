package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TransferText;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.progress.CoreWords;
import dev.arcrun.app.progress.PipelineProgress;
import dev.arcrun.app.progress.StepRow;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.app.common.Activities;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Page 4: runs the install pipeline in the background and shows it: each step's state and summary, the current
 * step's progress, wrangler's and npm's lines in the console. Cancel stops it resumably; after a failure or a
 * cancel, "Try again" resumes after the last finished step.
 */
public final class InstallPageModel implements WizardPage {

    public enum Phase { IDLE, RUNNING, CANCELLING, FAILED, CANCELLED, DONE }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final CloudflareSetup setup;
    private final InstallDraft draft;
    private final I18n i18n;
    private final ConsoleViewModel console;
    private final List<StepRow> steps;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper backAllowed = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper cause = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final PipelineProgress shown;
    private volatile InstallRun run;
    private Activities activities = new Activities();
    private Activities.Handle activity;
    private final CoreWords words;

    public InstallPageModel(TaskExecutor executor, Executor uiThread, CloudflareSetup setup, InstallDraft draft,
                            I18n i18n, ConsoleViewModel console) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.setup = setup;
        this.draft = draft;
        this.i18n = i18n;
        this.console = console;
        this.words = new CoreWords(i18n);
        this.steps = Installer.plan(Target.CLOUDFLARE, Installer.Mode.INSTALL).stream()
                .map(id -> new StepRow(id, words.step(id))).toList();
        this.shown = new PipelineProgress(uiThread, words, console, (id, state, detail) -> {
            StepRow row = row(id);
            switch (state) {
                case PENDING -> row.set(StepRow.State.PENDING, detail);
                case RUNNING -> row.set(StepRow.State.RUNNING, detail);
                case DONE -> row.set(StepRow.State.DONE, detail);
                case SKIPPED -> row.set(StepRow.State.SKIPPED, detail);
                case FAILED -> row.set(StepRow.State.FAILED, detail);
                // The one warning today: a new workers.dev address that does not answer yet; the done page says it its way.
                case WARNING -> warning.set(id == StepId.CHECK ? i18n.get("cf.done.notyet") : detail);
            }
        });
        phase.addListener((o, was, now) -> {
            valid.set(now == Phase.DONE);
            backAllowed.set(now == Phase.IDLE || now == Phase.FAILED || now == Phase.CANCELLED);
        });
    }

    /** Reports the running install to {@code a}, so closing the window asks first and can stop it. */
    public InstallPageModel tracking(Activities a) {
        this.activities = a;
        return this;
    }

    private void endActivity() {
        if (activity != null) {
            activity.close();
            activity = null;
        }
    }

    /** Install was pressed on the plan page: a first run, or (after going back to change something) a resumed one. */
    @Override
    public void enter() {
        switch (phase.get()) {
            case IDLE -> start(draft.resuming()); // finishing a stopped install continues after its last finished step
            case FAILED, CANCELLED -> start(true);
            case RUNNING, CANCELLING, DONE -> { }
        }
    }

    /** After a failure or a cancel: continue after the last finished step. */
    public void tryAgain() {
        if (phase.get() == Phase.FAILED || phase.get() == Phase.CANCELLED) {
            start(true);
        }
    }

    public void cancel() {
        InstallRun r = run;
        if (phase.get() == Phase.RUNNING && r != null) {
            phase.set(Phase.CANCELLING);
            executor.execute(() -> { r.cancel(); return null; }, x -> { }, x -> { }); // stops wrangler: not on the FX thread
        }
    }

    private void start(boolean resume) {
        String token = draft.token().orElse("");
        InstallOptions options = draft.installOptions().withResume(resume);
        steps.forEach(s -> s.set(StepRow.State.PENDING, ""));
        cause.set("");
        advice.set("");
        warning.set("");
        shown.reset();
        console.progress().plan(steps.size());
        phase.set(Phase.RUNNING);
        endActivity();
        activity = activities.begin(Activities.Kind.INSTALL, options.name(), () -> {
            InstallRun r = run;
            if (r != null) {
                r.cancel();
            }
        });
        executor.execute(() -> {
            InstallRun r = setup.install(token, options, shown);
            run = r;
            PipelineOutcome outcome = r.execute();
            return outcome;
        }, this::finish, failure -> {
            endActivity();
            if (failure instanceof dev.arcrun.core.UserFacingException u) {
                cause.set(words.failure(u.failure()));
                advice.set(words.advice(u.adviceFact()));
            } else if (failure instanceof dev.arcrun.sdk.ArcrunException a
                    && dev.arcrun.core.engineclient.SdkFailures.engineRefusal(a).isEmpty()) {
                dev.arcrun.core.UserFacingException u = dev.arcrun.core.engineclient.SdkFailures.facts(a);
                cause.set(words.failure(u.failure()));
                advice.set(words.advice(u.adviceFact()));
            } else {
                cause.set(words.text(failure));
                advice.set("");
            }
            phase.set(Phase.FAILED);
        });
    }

    private void finish(PipelineOutcome outcome) {
        endActivity();
        run = null;
        shown.finished();
        switch (outcome) {
            case PipelineOutcome.Completed c -> {
                draft.engineUrl(c.engineUrl());
                draft.forgetToken(); // the pipeline keeps it in the secret store now
                draft.resumed();
                if (!warning.get().isEmpty()) { // "it did not answer yet" is not a green check
                    StepRow check = row(StepId.CHECK);
                    check.set(StepRow.State.WARNING, check.summaryProperty().get());
                }
                phase.set(Phase.DONE);
            }
            case PipelineOutcome.Failed f -> {
                cause.set(words.failure(f.cause()));
                advice.set(words.advice(f.advice()));
                phase.set(Phase.FAILED);
            }
            case PipelineOutcome.Cancelled c -> {
                row(c.step()).set(StepRow.State.PENDING, i18n.get("cf.install.step.cancelled"));
                cause.set(i18n.get("cf.install.cancelled"));
                advice.set("");
                phase.set(Phase.CANCELLED);
            }
        }
    }

    private StepRow row(StepId id) {
        return steps.stream().filter(s -> s.step() == id).findFirst().orElseThrow();
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    @Override
    public ReadOnlyBooleanProperty backAllowedProperty() { return backAllowed.getReadOnlyProperty(); }

    public List<StepRow> steps() { return steps; }

    public ConsoleViewModel console() { return console; }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }

    /** The current step's progress in [0,1], or -1 when its length is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return shown.progressProperty(); }

    public ReadOnlyStringProperty progressTextProperty() { return shown.progressTextProperty(); }

    /** Why the install stopped (failure or cancel), and what to do. */
    public ReadOnlyStringProperty causeProperty() { return cause.getReadOnlyProperty(); }

    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }

    /** A warning that did not stop the install (e.g. the new workers.dev address does not answer yet). */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
}
