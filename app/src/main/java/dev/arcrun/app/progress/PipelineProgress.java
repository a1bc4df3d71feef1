package dev.arcrun.app.progress;

import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.StepId;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How the app shows a running pipeline, in one place for every page that runs one (the wizard's install page, the
 * dashboard's maintenance): each step's state and what it reported, the running step's progress, the warnings,
 * and the tools' lines in the console with the level the tool gave them. Events arrive on the pipeline's thread;
 * tool lines go to the console's batching sink, progress is coalesced (it can be chatty), and step changes are
 * applied on the UI thread. Each page keeps its own rows and is told of changes through {@link Rows}.
 */
public final class PipelineProgress implements InstallListener {
    public enum State { PENDING, RUNNING, DONE, SKIPPED, WARNING, FAILED }

    /** A page's step rows: told each step's new state and what it reported (in the user's words). */
    @FunctionalInterface
    public interface Rows {
        void set(StepId step, State state, String detail);
    }

    private final Executor uiThread;
    private final CoreWords words;
    private final ConsoleViewModel console;
    private final Rows rows;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final AtomicReference<InstallEvent.Progress> pendingProgress = new AtomicReference<>();

    public PipelineProgress(Executor uiThread, CoreWords words, ConsoleViewModel console, Rows rows) {
        this.uiThread = uiThread;
        this.words = words;
        this.console = console;
        this.rows = rows;
    }

    /** Before a run (UI thread): no progress, no warning. */
    public void reset() {
        progress.set(0);
        progressText.set("");
        warning.set("");
    }

    /** Called on the pipeline's thread. */
    @Override
    public void on(InstallEvent event) {
        switch (event) {
            case InstallEvent.Log l -> console.append(l.source(), words.line(l), l.level());
            case InstallEvent.Progress p -> {
                if (pendingProgress.getAndSet(p) == null) {
                    uiThread.execute(() -> showProgress(pendingProgress.getAndSet(null)));
                }
            }
            case InstallEvent.Warning w -> {
                console.append(words.step(w.step()), words.failure(w.problem()), LogLevel.WARN);
                uiThread.execute(() -> show(event));
            }
            case InstallEvent.Failed f -> {
                console.append(words.step(f.step()), words.failure(f.cause()), LogLevel.ERROR);
                uiThread.execute(() -> show(event));
            }
            default -> uiThread.execute(() -> show(event));
        }
    }

    private void showProgress(InstallEvent.Progress p) {
        if (p != null) {
            console.progress().on(p);
            progress.set(p.fraction() < 0 ? -1 : Math.min(1, p.fraction()));
            // a download's numbers (the toolchain's Node.js and npm) say more than its note
            progressText.set(p.transfer().map(t -> dev.arcrun.app.common.TransferText.of(words.i18n(), t)).orElseGet(() -> words.note(p.note())));
        }
    }

    private void show(InstallEvent event) {
        console.progress().on(event); // the whole run's bar above the console
        switch (event) {
            case InstallEvent.Started s -> {
                rows.set(s.step(), State.RUNNING, "");
                progress.set(-1);
                progressText.set("");
            }
            case InstallEvent.Succeeded s -> rows.set(s.step(), State.DONE, words.note(s.summary()));
            case InstallEvent.Skipped s -> rows.set(s.step(), State.SKIPPED, words.note(s.reason()));
            case InstallEvent.Failed f -> rows.set(f.step(), State.FAILED, words.failure(f.cause()));
            case InstallEvent.Cancelled c -> rows.set(c.step(), State.PENDING, words.cancelledStep());
            case InstallEvent.Warning w -> {
                String text = words.failure(w.problem());
                String advice = words.advice(w.advice());
                warning.set(advice.isEmpty() ? text : text + " " + advice);
                rows.set(w.step(), State.WARNING, text);
            }
            case InstallEvent.Progress p -> showProgress(p);
            case InstallEvent.Log l -> console.append(l.source(), words.line(l), l.level());
        }
    }

    /** After a run (UI thread): the progress line is cleared. */
    public void finished() {
        progressText.set("");
    }

    /** The running step's progress in [0,1], or -1 when its length is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** The last warning that did not stop the run, with what to do about it. */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
}
