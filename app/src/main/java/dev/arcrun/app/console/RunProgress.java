package dev.arcrun.app.console;

import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.StepId;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A whole run's progress above its console: which step of how many, the share of the run done, and the time left
 * where it can be known honestly — today only a download's, from its bytes and rate (a step's length is otherwise
 * unknown, and a guess would be the kind of untruth the console should not tell). Changed on the UI thread only.
 * Holds no Nodes.
 */
public final class RunProgress {
    /** {@link #secondsLeftProperty()} when nothing honest can be said. */
    public static final long UNKNOWN = -1;

    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper(UNKNOWN);
    private final Set<StepId> done = EnumSet.noneOf(StepId.class);
    private double running;

    /** Before a run: how many steps it has (0 hides the bar, e.g. after the console was cleared). */
    public void plan(int steps) {
        total.set(Math.max(0, steps));
        done.clear();
        running = 0;
        finished.set(0);
        current.set(0);
        secondsLeft.set(UNKNOWN);
        fraction.set(0);
    }

    /** One of the pipeline's events, on the UI thread; repeating an event changes nothing. */
    public void on(InstallEvent event) {
        if (total.get() == 0) {
            return;
        }
        switch (event) {
            case InstallEvent.Started s -> {
                running = 0;
                secondsLeft.set(UNKNOWN);
                current.set(Math.min(total.get(), done.size() + 1));
            }
            case InstallEvent.Progress p -> {
                running = p.fraction() < 0 ? 0 : Math.min(1, p.fraction());
                secondsLeft.set(p.transfer().map(RunProgress::secondsLeft).orElse(UNKNOWN));
            }
            case InstallEvent.Succeeded s -> finish(s.step());
            case InstallEvent.Skipped s -> finish(s.step());
            case InstallEvent.Failed f -> secondsLeft.set(UNKNOWN);
            case InstallEvent.Cancelled c -> secondsLeft.set(UNKNOWN);
            case InstallEvent.Warning w -> { }
            case InstallEvent.Log l -> { }
        }
        fraction.set(Math.min(1, (done.size() + running) / total.get()));
    }

    private void finish(StepId step) {
        done.add(step);
        running = 0;
        secondsLeft.set(UNKNOWN);
        finished.set(done.size());
        current.set(Math.min(total.get(), done.size()));
    }

    /** A download's time left, or unknown while its size or rate is not known yet. */
    static long secondsLeft(InstallEvent.Transfer t) {
        if (t.total() <= 0 || t.bytesPerSecond() <= 0 || t.bytes() >= t.total()) {
            return UNKNOWN;
        }
        return (long) Math.ceil((t.total() - t.bytes()) / t.bytesPerSecond());
    }

    /** The run's steps; 0 before a run is planned. */
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }

    /** How many steps finished (done or skipped). */
    public ReadOnlyIntegerProperty finishedProperty() { return finished.getReadOnlyProperty(); }

    /** The step that runs, counted from 1 (the last finished one between steps). */
    public ReadOnlyIntegerProperty currentProperty() { return current.getReadOnlyProperty(); }

    /** The share of the whole run done, in [0,1]. */
    public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }

    /** The running download's seconds left, or {@link #UNKNOWN}. */
    public ReadOnlyLongProperty secondsLeftProperty() { return secondsLeft.getReadOnlyProperty(); }
}
