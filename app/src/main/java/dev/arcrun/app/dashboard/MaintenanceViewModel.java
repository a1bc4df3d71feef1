package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.progress.CoreWords;
import dev.arcrun.app.progress.PipelineProgress;
import dev.arcrun.core.config.DeployedBundle;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.Uninstaller;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Maintenance tab: update (optionally from another source), roll back to the previous engine, and uninstall
 * after the user typed the install's name. Update and rollback run the install pipeline; its steps show as a list
 * and its tool output goes to the console.
 */
public final class MaintenanceViewModel {
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Installs installs;
    private final ReadOnlyObjectProperty<Connection> connection;
    private final I18n i18n;
    private final ConsoleViewModel console;
    private final Runnable installsChanged;
    private final ObservableList<PipelineStep> steps = FXCollections.observableArrayList();
    private final StringProperty source = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper previousVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final AtomicReference<Installer.Run> current = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Uninstalled> uninstalled = new ReadOnlyObjectWrapper<>();

    /** What an uninstall removed and what it could not, for the closing confirmation. */
    public record Uninstalled(String name, java.util.List<String> removed, java.util.List<String> problems) {}
    private Activities activities = new Activities();
    private final CoreWords words;

    /**
     * @param uiThread        where pipeline events are applied (they arrive on the pipeline's thread)
     * @param console         the live console: the pipeline's tool output and warnings, drained in batches
     * @param installsChanged called after a pipeline or uninstall, so the header reads the installs again
     */
    public MaintenanceViewModel(TaskExecutor executor, Executor uiThread, Installs installs,
                                ReadOnlyObjectProperty<Connection> connection, I18n i18n, ConsoleViewModel console,
                                Runnable installsChanged) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.installs = installs;
        this.connection = connection;
        this.i18n = i18n;
        this.console = console;
        this.installsChanged = installsChanged;
        this.words = new CoreWords(i18n);
        connection.addListener((o, was, now) -> {
            DeployedBundle previous = now == null ? null : now.config().previousBundle();
            previousVersion.set(previous == null ? "" : previous.version());
            boolean sameInstall = was != null && now != null && was.config().name().equals(now.config().name());
            if (!running.get() && !sameInstall) { // a reconnect after an update keeps its result on screen
                steps.clear();
                error.set("");
                notice.set("");
            }
        });
    }

    /** Asks before an update deploys an engine with a lower version than the one running. */
    @FunctionalInterface
    public interface OlderEngineQuestion {
        boolean goBack(String running, String candidate);
    }

    private OlderEngineQuestion askOlder = (running, candidate) -> false;

    public MaintenanceViewModel askingBeforeOlder(OlderEngineQuestion q) {
        this.askOlder = q;
        return this;
    }

    /**
     * Looks at the engine the source holds first: the same archive (sha256) as the deployed one changes nothing and
     * says so; a lower version asks first; anything else is deployed, and the result names both versions.
     */
    public void update() {
        Connection c = connection.get();
        if (running.get() || c == null) {
            return;
        }
        String typed = plainSource(source.get() == null ? "" : source.get().strip());
        DeployedBundle deployed = c.config().bundle();
        String from = !typed.isEmpty() ? typed : deployed == null ? null : deployed.source();
        if (deployed == null || from == null) {
            error.set(i18n.get("dashboard.maint.error.unfinished"));
            return;
        }
        running.set(true);
        error.set("");
        notice.set(i18n.get("dashboard.maint.looking"));
        executor.execute(() -> installs.candidate(from), candidate -> {
            running.set(false);
            notice.set("");
            switch (candidate.against(deployed)) {
                case SAME -> notice.set(i18n.get("dashboard.maint.latest", deployed.version()));
                case OLDER -> {
                    if (askOlder.goBack(deployed.version(), candidate.version())) {
                        runUpdate(typed, deployed.version(), candidate.version());
                    }
                }
                case NEWER -> runUpdate(typed, deployed.version(), candidate.version());
            }
        }, failure -> {
            running.set(false);
            notice.set("");
            error.set(Failures.text(failure));
        });
    }

    /** "OWNER/REPO@REF" as the field's hint words it is a GitHub source; core spells those "github:OWNER/REPO@REF". */
    static String plainSource(String typed) {
        return typed.matches("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+@[^\\s]+") && !java.nio.file.Files.exists(java.nio.file.Path.of(typed))
                ? "github:" + typed : typed;
    }

    private void runUpdate(String typed, String was, String next) {
        start(i18n.get("dashboard.maint.updated_from", was, next),
                (installer, name, listener) -> installer.update(name, typed.isEmpty() ? null : typed, listener));
    }

    public void rollback() {
        if (previousVersion.get().isEmpty()) {
            error.set(i18n.get("dashboard.maint.error.no_previous"));
            return;
        }
        start(i18n.get("dashboard.maint.rolled_back_to", previousVersion.get()), (installer, name, listener) -> installer.rollback(name, listener));
    }

    /** Reports updates, rollbacks and uninstalls to {@code a}, so closing the window asks first. */
    public MaintenanceViewModel tracking(Activities a) {
        this.activities = a;
        return this;
    }

    /** Makes the pipeline run for the named install (called off the FX thread). */
    @FunctionalInterface
    private interface PipelineFactory {
        Installer.Run create(Installer installer, String name, InstallListener listener);
    }

    private void start(String doneText, PipelineFactory pipeline) {
        if (running.get() || connection.get() == null) {
            return;
        }
        String name = name();
        running.set(true);
        error.set("");
        details.set("");
        notice.set("");
        steps.clear();
        console.clear();
        Activities.Handle activity = activities.begin(Activities.Kind.UPDATE, name, this::cancel);
        PipelineProgress listener = new PipelineProgress(uiThread, words, console, this::show);
        executor.execute(() -> {
            Installer.Run run = pipeline.create(installs.installer(), name, listener);
            uiThread.execute(() -> {
                steps.setAll(run.steps().stream()
                        .map(id -> new PipelineStep(id, words.step(id), PipelineStep.State.PENDING, "")).toList());
                console.progress().plan(run.steps().size());
            });
            current.set(run);
            try {
                return run.execute();
            } finally {
                current.set(null);
            }
        }, outcome -> {
            activity.close();
            running.set(false);
            switch (outcome) {
                case PipelineOutcome.Completed c -> notice.set(doneText);
                case PipelineOutcome.Failed f -> {
                    String cause = words.failure(f.cause());
                    String advice = words.advice(f.advice());
                    details.set(Failures.details(f.step().name().toLowerCase(java.util.Locale.ROOT), null,
                            cause + (advice.isBlank() ? "" : "\n" + advice)));
                    error.set(i18n.get("dashboard.maint.failed", words.step(f.step()), cause + " " + advice));
                }
                case PipelineOutcome.Cancelled c -> error.set(i18n.get("dashboard.maint.cancelled"));
            }
            installsChanged.run();
        }, failure -> {
            activity.close();
            running.set(false);
            details.set(Failures.details(failure));
            error.set(words.text(failure));
        });
    }

    /** A step's new state from the shared pipeline progress (on the FX thread). */
    private void show(dev.arcrun.core.install.StepId id, PipelineProgress.State state, String detail) {
        PipelineStep.State s = PipelineStep.State.valueOf(state.name());
        for (int i = 0; i < steps.size(); i++) {
            PipelineStep step = steps.get(i);
            if (step.id() == id) {
                steps.set(i, step.with(s, detail.isEmpty() && state == PipelineProgress.State.RUNNING ? null : detail));
            }
        }
    }

    public void cancel() {
        Installer.Run run = current.get();
        if (run != null) {
            run.cancel();
        }
    }

    /** Whether the typed text is exactly the install's name, as {@code arcrun uninstall --confirm NAME} wants it. */
    public boolean confirms(String typed) {
        Connection c = connection.get();
        return c != null && c.config().name().equals(typed);
    }

    /** Removes the install when {@code typed} is its name; otherwise refuses and says why. */
    public boolean uninstall(String typed) {
        if (!confirms(typed)) {
            error.set(i18n.get("dashboard.maint.error.confirm", connection.get() == null ? "" : name()));
            return false;
        }
        if (running.get()) {
            return false;
        }
        String name = name();
        running.set(true);
        error.set("");
        notice.set("");
        // An uninstall cannot be interrupted; its journal lets the next one finish what this one did not.
        Activities.Handle activity = activities.begin(Activities.Kind.UNINSTALL, name, () -> { });
        executor.execute(() -> {
            Uninstaller u = installs.uninstaller();
            return u.uninstall(name, typed, InstallListener.NONE);
        }, report -> {
            activity.close();
            running.set(false);
            if (report.complete()) {
                notice.set(i18n.get("dashboard.maint.uninstalled", name));
            } else {
                error.set(i18n.get("dashboard.maint.uninstall_incomplete", String.join("; ", report.problems().stream().map(words::failure).toList())));
            }
            // said before the header moves on to another install (which clears this tab's messages)
            uninstalled.set(new Uninstalled(name, report.removed().stream().map(words::note).toList(),
                    report.problems().stream().map(words::failure).toList()));
            installsChanged.run();
        }, failure -> {
            activity.close();
            running.set(false);
            details.set(Failures.details(failure));
            error.set(Failures.text(failure));
        });
        return true;
    }

    private String name() {
        return connection.get().config().name();
    }

    public ObservableList<PipelineStep> steps() { return steps; }

    /** Where to update from; empty means where the engine came from. */
    public StringProperty sourceProperty() { return source; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The version rollback would go back to; empty when there is none (rollback is then hidden). */
    public ReadOnlyStringProperty previousVersionProperty() { return previousVersion.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** The Details view of the error: the step, the raw message, the advice. */
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }

    /** Set when an uninstall ended (complete or not). */
    public ReadOnlyObjectProperty<Uninstalled> uninstalledProperty() { return uninstalled.getReadOnlyProperty(); }
}
