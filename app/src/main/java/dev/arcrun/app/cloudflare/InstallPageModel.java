package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TransferText;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.app.common.Activities;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cause = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    /** The newest progress event not yet shown: progress can be chatty, so it is coalesced like console lines. */
    private final AtomicReference<InstallEvent.Progress> pendingProgress = new AtomicReference<>();
    private volatile InstallRun run;
    private Activities activities = new Activities();
    private Activities.Handle activity;
    private boolean cancelRequested;

    public InstallPageModel(TaskExecutor executor, Executor uiThread, CloudflareSetup setup, InstallDraft draft,
                            I18n i18n, ConsoleViewModel console) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.setup = setup;
        this.draft = draft;
        this.i18n = i18n;
        this.console = console;
        this.steps = Installer.plan(Target.CLOUDFLARE, Installer.Mode.INSTALL).stream()
                .map(id -> new StepRow(id, StepNames.of(id, i18n))).toList();
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
            cancelRequested = true;
            executor.execute(() -> { r.cancel(); return null; }, x -> { }, x -> { }); // stops wrangler: not on the FX thread
        }
    }

    private void start(boolean resume) {
        String token = draft.token().orElse("");
        InstallOptions options = draft.installOptions().withResume(resume);
        steps.forEach(s -> s.set(StepRow.State.PENDING, ""));
        cancelRequested = false;
        cause.set("");
        advice.set("");
        warning.set("");
        progress.set(0);
        progressText.set("");
        phase.set(Phase.RUNNING);
        endActivity();
        activity = activities.begin(Activities.Kind.INSTALL, options.name(), () -> {
            InstallRun r = run;
            if (r != null) {
                r.cancel();
            }
        });
        executor.execute(() -> {
            InstallRun r = setup.install(token, options, this::onEvent);
            run = r;
            PipelineOutcome outcome = r.execute();
            return new Result(outcome, outcome.success() ? setup.engineUrl(r.installName()) : "");
        }, this::finish, failure -> {
            endActivity();
            cause.set(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            advice.set(failure instanceof dev.arcrun.sdk.ArcrunException u ? u.advice() : "");
            phase.set(Phase.FAILED);
        });
    }

    private record Result(PipelineOutcome outcome, String engineUrl) {}

    private void finish(Result result) {
        endActivity();
        run = null;
        progressText.set("");
        switch (result.outcome()) {
            case PipelineOutcome.Completed c -> {
                draft.engineUrl(result.engineUrl());
                draft.forgetToken(); // the pipeline keeps it in the secret store now
                draft.resumed();
                if (!warning.get().isEmpty()) { // "it did not answer yet" is not a green check
                    StepRow check = row(StepId.CHECK);
                    check.set(StepRow.State.WARNING, check.summaryProperty().get());
                }
                phase.set(Phase.DONE);
            }
            // A step stopped by Cancel may end as "failed: … was cancelled": to the user it is the cancel they asked for.
            case PipelineOutcome.Failed f when cancelRequested -> {
                cause.set(i18n.get("cf.install.cancelled"));
                advice.set("");
                phase.set(Phase.CANCELLED);
            }
            case PipelineOutcome.Failed f -> {
                cause.set(f.cause());
                advice.set(f.advice());
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

    /** Called on the pipeline's thread. */
    private void onEvent(InstallEvent event) {
        switch (event) {
            case InstallEvent.Log l -> console.append(l.source(), l.text(), l.error());
            case InstallEvent.Progress p -> {
                if (pendingProgress.getAndSet(p) == null) {
                    uiThread.execute(() -> showProgress(pendingProgress.getAndSet(null)));
                }
            }
            default -> uiThread.execute(() -> show(event));
        }
    }

    private void showProgress(InstallEvent.Progress p) {
        if (p != null) {
            progress.set(p.fraction() < 0 ? -1 : Math.min(1, p.fraction()));
            progressText.set(p.transfer().map(t -> TransferText.of(i18n, t)).orElse(p.message()));
        }
    }

    private void show(InstallEvent event) {
        StepRow row = row(event.step());
        switch (event) {
            case InstallEvent.Started s -> {
                row.set(StepRow.State.RUNNING, "");
                progress.set(-1);
                progressText.set("");
            }
            case InstallEvent.Succeeded s -> row.set(StepRow.State.DONE, s.summary());
            case InstallEvent.Skipped s -> row.set(StepRow.State.SKIPPED, s.reason());
            case InstallEvent.Failed f -> row.set(StepRow.State.FAILED, f.cause());
            case InstallEvent.Warning w -> {
                // The one warning today: a new workers.dev address that does not answer yet; core's advice names a CLI command.
                warning.set(w.step() == StepId.CHECK ? i18n.get("cf.done.notyet")
                        : w.advice().isEmpty() ? w.message() : w.message() + " " + w.advice());
                console.append(row.title(), "▲ [WARNING] " + w.message(), true);
            }
            case InstallEvent.Progress p -> showProgress(p);
            case InstallEvent.Log l -> console.append(l.source(), l.text(), l.error());
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
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** Why the install stopped (failure or cancel), and what to do. */
    public ReadOnlyStringProperty causeProperty() { return cause.getReadOnlyProperty(); }

    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }

    /** A warning that did not stop the install (e.g. the new workers.dev address does not answer yet). */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
}
