package dev.arcrun.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A list and the part of it a search by name leaves. The result replaces the shown rows in one change (a
 * {@code FilteredList} refilter sends one change per gap, which a 10,000-row table then processes one by one); a
 * search that only grew (one more letter typed) narrows the rows already shown instead of all of them.
 */
final class SearchableList<T> {
    private final ObservableList<T> all;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final Function<T, String> name;
    private String query = "";

    SearchableList(ObservableList<T> all, Function<T, String> name) {
        this.all = all;
        this.name = name;
        all.addListener((ListChangeListener<T>) c -> apply(all));
        shown.setAll(all);
    }

    void search(String next) {
        String q = next == null ? "" : next;
        boolean narrower = !query.isBlank() && q.startsWith(query) && !q.isBlank();
        query = q;
        apply(narrower ? List.copyOf(shown) : all);
    }

    private void apply(List<T> from) {
        Predicate<T> p = NameFilter.of(query, name);
        if (p == null) {
            shown.setAll(from);
            return;
        }
        List<T> out = new ArrayList<>();
        for (T t : from) {
            if (p.test(t)) {
                out.add(t);
            }
        }
        shown.setAll(out);
    }

    ObservableList<T> shown() {
        return shown;
    }
}
