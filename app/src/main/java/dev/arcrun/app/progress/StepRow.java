package dev.arcrun.app.progress;

import dev.arcrun.core.install.StepId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One pipeline step as a page lists it (the wizard's install page, the home page's start): its name, its state and
 * what it reported. Changed on the FX thread.
 */
public final class StepRow {
    public enum State { PENDING, RUNNING, DONE, SKIPPED, WARNING, FAILED }

    private final StepId step;
    private final String title;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.PENDING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public StepRow(StepId step, String title) {
        this.step = step;
        this.title = title;
    }

    public void set(State s, String text) {
        state.set(s);
        summary.set(text == null ? "" : text);
    }

    public StepId step() { return step; }

    public String title() { return title; }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
