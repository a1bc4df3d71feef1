package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.TaskExecutor;
import java.util.Comparator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Components tab: the engine's catalog ({@code GET /components}) as cards, narrowed by a category (null: all)
 * and by the words typed in the search field.
 */
public final class ComponentsViewModel {
    private final EngineCalls calls;
    private final ObservableList<ComponentCard> all = FXCollections.observableArrayList();
    private final FilteredList<ComponentCard> shown = new FilteredList<>(all);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<ComponentCard.Category> category = new SimpleObjectProperty<>();
    private final ObjectProperty<ListState> state = new SimpleObjectProperty<>(ListState.LOADING);

    public ComponentsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection) {
        this.calls = new EngineCalls(executor, connection);
        query.addListener((o, was, now) -> filter());
        category.addListener((o, was, now) -> filter());
        connection.addListener((o, was, now) -> {
            all.clear();
            calls.clear();
            refresh();
        });
    }

    public void refresh() {
        calls.load(c -> c.components().stream().map(ComponentCard::of)
                .sorted(Comparator.comparing(ComponentCard::category).thenComparing(ComponentCard::name)).toList(), list -> {
            all.setAll(list);
            state.set(ListState.of(all));
        }, state);
    }

    private void filter() {
        String q = query.get();
        ComponentCard.Category c = category.get();
        shown.setPredicate(card -> (c == null || card.category() == c) && card.matches(q));
    }

    /** The cards that pass the filter. */
    ObservableList<ComponentCard> shown() { return shown; }

    /** The search words; the view's search field is bound to it. */
    public StringProperty queryProperty() { return query; }

    /** The category shown, or null for every category. */
    public ObjectProperty<ComponentCard.Category> categoryProperty() { return category; }

    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }
}
