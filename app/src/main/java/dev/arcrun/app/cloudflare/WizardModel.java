package dev.arcrun.app.cloudflare;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;

/** Orders the pages and nothing else: Next commits the current page and enters the following one. */
public final class WizardModel {
    private final List<WizardPage> pages;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;

    public WizardModel(List<WizardPage> pages) {
        this.pages = List.copyOf(pages);
        ObservableValue<Boolean> valid = index.flatMap(i -> this.pages.get(i.intValue()).validProperty());
        ObservableValue<Boolean> backAllowed = index.flatMap(i -> this.pages.get(i.intValue()).backAllowedProperty());
        canNext = Bindings.createBooleanBinding(
                () -> index.get() < this.pages.size() - 1 && Boolean.TRUE.equals(valid.getValue()), index, valid);
        canBack = Bindings.createBooleanBinding(
                () -> index.get() > 0 && Boolean.TRUE.equals(backAllowed.getValue()), index, backAllowed);
    }

    public void start() {
        current().enter();
    }

    public void next() {
        if (canNext.get()) {
            current().commit();
            index.set(index.get() + 1);
            current().enter();
        }
    }

    public void back() {
        if (canBack.get()) {
            index.set(index.get() - 1);
            current().enter();
        }
    }

    /**
     * Shows page {@code i} directly (finishing a stopped install starts on its install page). Refused while the
     * current page may not be left (an install runs).
     */
    public void jumpTo(int i) {
        boolean leavable = index.get() == 0 || Boolean.TRUE.equals(current().backAllowedProperty().get());
        if (i != index.get() && !leavable) {
            return;
        }
        index.set(i);
        current().enter();
    }

    public WizardPage current() {
        return pages.get(index.get());
    }

    public List<WizardPage> pages() { return pages; }

    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    public BooleanBinding canNextProperty() { return canNext; }

    public BooleanBinding canBackProperty() { return canBack; }
}
