package dev.arcrun.app.home;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.progress.CoreWords;
import dev.arcrun.app.progress.PipelineProgress;
import dev.arcrun.app.progress.StepRow;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first page: where should the engine run? Starting on this computer needs no account, so it is offered
 * first. The start runs the local install pipeline and shows it as the wizard's install page does, through
 * {@link PipelineProgress}: each step's state and what it reported, the running step's progress, warnings, and the
 * tools' lines in a console; a failure names its step, core's cause and what to do, and offers Try again; Cancel
 * stops the pipeline. Holds no Nodes; the view binds to the read-only properties and calls the commands.
 */
public final class HomeViewModel {

    /** Where the start on this computer is. */
    public enum Phase { IDLE, STARTING, CANCELLING, RUNNING, FAILED, CANCELLED }

    /** Prepares a start on this computer (installing it the first time) whose events go to a listener. */
    @FunctionalInterface
    public interface LocalEngineStarter {
        /** Called off the FX thread: preparing may open the keychain. */
        LocalRun prepare(InstallListener listener) throws Exception;

        /** The engine's URL when it runs now (started by an earlier session, the CLI, or stopped meanwhile); blocks. */
        default Optional<String> runningUrl() {
            return Optional.empty();
        }
    }

    /** One prepared start: {@link #execute()} blocks until it ends; {@link #cancel()} comes from another thread. */
    public interface LocalRun {
        PipelineOutcome execute();

        /** Stops the running step; the next start continues. */
        void cancel();
    }

    private final TaskExecutor executor;
    private final LocalEngineStarter starter;
    private final I18n i18n;
    private final CoreWords words;
    private final Runnable openCloudflareWizard;
    private final Runnable openDashboard;
    private final ConsoleViewModel console;
    private final List<StepRow> steps;
    private final PipelineProgress shown;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper localUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cause = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private Activities activities = new Activities();
    private volatile LocalRun run;
    private volatile boolean cancelAsked;

    /**
     * @param uiThread             where property changes must happen ({@code Platform::runLater}; direct in tests)
     * @param openCloudflareWizard shows the Cloudflare install wizard (the window's navigation)
     * @param openDashboard        shows the dashboard page, offered once the local engine runs
     */
    public HomeViewModel(TaskExecutor executor, Executor uiThread, I18n i18n, LocalEngineStarter starter,
                         Runnable openCloudflareWizard, Runnable openDashboard) {
        this.executor = executor;
        this.starter = starter;
        this.i18n = i18n;
        this.words = new CoreWords(i18n);
        this.openCloudflareWizard = openCloudflareWizard;
        this.openDashboard = openDashboard;
        this.console = new ConsoleViewModel(uiThread);
        this.steps = Installer.plan(Target.LOCAL, Installer.Mode.INSTALL).stream()
                .map(id -> new StepRow(id, words.step(id))).toList();
        this.shown = new PipelineProgress(uiThread, words, console,
                (id, state, detail) -> row(id).ifPresent(r -> r.set(StepRow.State.valueOf(state.name()),
                        state == PipelineProgress.State.FAILED ? "" : detail))); // the cause is said once, under the list
        busy.bind(phase.isEqualTo(Phase.STARTING).or(phase.isEqualTo(Phase.CANCELLING)));
    }

    public void openCloudflareWizard() {
        openCloudflareWizard.run();
    }

    public void openDashboard() {
        openDashboard.run();
    }

    /** Reports a start on this computer to {@code a}, so closing the window asks first and can stop it. */
    public HomeViewModel tracking(Activities a) {
        this.activities = a;
        return this;
    }

    /** Start on this computer, and Try again after a failure or a cancel. */
    public void startLocal() {
        if (busy.get()) {
            return;
        }
        steps.forEach(s -> s.set(StepRow.State.PENDING, ""));
        cause.set("");
        advice.set("");
        localUrl.set("");
        console.clear();
        shown.reset();
        console.progress().plan(steps.size());
        cancelAsked = false;
        phase.set(Phase.STARTING);
        // The first start installs the toolchain and the engine: closing mid-way asks, and can stop it.
        Activities.Handle activity = activities.begin(Activities.Kind.LOCAL_START, "local", this::stopRun);
        executor.execute(() -> {
            LocalRun r = starter.prepare(shown);
            run = r;
            if (cancelAsked) { // Cancel was pressed while the start was being prepared
                r.cancel();
            }
            return r.execute();
        }, outcome -> {
            activity.close();
            finish(outcome);
        }, failure -> {
            activity.close();
            failed(failure);
        });
    }

    /**
     * Looks again whether the engine runs (when the page is shown): one started elsewhere is offered at once, one
     * stopped elsewhere (the dashboard's Stop, the CLI) no longer shows its address. A start under way is left alone.
     */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        executor.execute(starter::runningUrl, url -> {
            if (busy.get() || phase.get() == Phase.FAILED || phase.get() == Phase.CANCELLED) {
                return; // a start began meanwhile, or the page says why it stopped: that stays until Try again
            }
            localUrl.set(url.orElse(""));
            phase.set(url.isPresent() ? Phase.RUNNING : Phase.IDLE);
        }, failure -> { });
    }

    /** Stops the start; the steps it finished stay done, so the next start continues. */
    public void cancel() {
        if (phase.get() != Phase.STARTING) {
            return;
        }
        phase.set(Phase.CANCELLING);
        executor.execute(() -> { stopRun(); return null; }, x -> { }, x -> { }); // stops the tools: not on the FX thread
    }

    private void stopRun() {
        cancelAsked = true;
        LocalRun r = run;
        if (r != null) {
            r.cancel();
        }
    }

    private void finish(PipelineOutcome outcome) {
        run = null;
        shown.finished();
        switch (outcome) {
            case PipelineOutcome.Completed c -> {
                localUrl.set(Objects.requireNonNullElse(c.engineUrl(), ""));
                phase.set(Phase.RUNNING);
            }
            case PipelineOutcome.Failed f -> {
                row(f.step()).ifPresent(r -> r.set(StepRow.State.FAILED, ""));
                cause.set(words.failure(f.cause()));
                advice.set(words.advice(f.advice()));
                phase.set(Phase.FAILED);
            }
            case PipelineOutcome.Cancelled c -> {
                row(c.step()).ifPresent(r -> r.set(StepRow.State.PENDING, words.cancelledStep()));
                cause.set(i18n.get("home.local.cancelled"));
                advice.set("");
                phase.set(Phase.CANCELLED);
            }
        }
    }

    /** A failure before or around the pipeline (e.g. an install of another kind under the same name). */
    private void failed(Throwable failure) {
        run = null;
        shown.finished();
        steps.stream().filter(s -> s.stateProperty().get() == StepRow.State.RUNNING).findFirst()
                .ifPresent(s -> s.set(StepRow.State.FAILED, ""));
        Optional<UserFacingException> facts = facts(failure);
        cause.set(facts.map(u -> words.failure(u.failure())).orElseGet(() -> words.text(failure)));
        advice.set(facts.map(u -> words.advice(u.adviceFact())).orElse(""));
        phase.set(Phase.FAILED);
    }

    private static Optional<UserFacingException> facts(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UserFacingException u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    private Optional<StepRow> row(StepId id) {
        return steps.stream().filter(s -> s.step() == id).findFirst();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }

    /** The start is under way (starting or stopping). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty localUrlProperty() { return localUrl.getReadOnlyProperty(); }

    /** Why the start stopped (failure or cancel), in core's words. */
    public ReadOnlyStringProperty causeProperty() { return cause.getReadOnlyProperty(); }

    /** What to do about it, in the app's words (its buttons and pages, never a command line). */
    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }

    /** The local pipeline's steps, in order. */
    public List<StepRow> steps() { return steps; }

    /** The tools' lines (npm, node, the engine), live. */
    public ConsoleViewModel console() { return console; }

    /** The running step's progress in [0,1], or -1 when its length is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return shown.progressProperty(); }

    /** The running step's progress in words (a download's bytes and rate). */
    public ReadOnlyStringProperty progressTextProperty() { return shown.progressTextProperty(); }

    /** The last warning that did not stop the start, with what to do about it. */
    public ReadOnlyStringProperty warningProperty() { return shown.warningProperty(); }
}
