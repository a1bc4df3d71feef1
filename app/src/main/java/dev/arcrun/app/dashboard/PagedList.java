package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list the engine gives page by page, loaded as far as the user has looked: the first page on open, the next on
 * "Load more", and the entries a search by the start of a name finds further on. The rows stay in the engine's order
 * (by name) without duplicates, however they arrived; an entry added or deleted here is put in or taken out in place
 * instead of the whole list being read again (on the free plan every page read is one of 1,000 KV list calls a day).
 */
final class PagedList<T> {
    /** How many entries a page asks for: a screenful many times over, and one KV list call. */
    static final int PAGE = 200;

    /** One page of the list, or of the names starting with {@code prefix} (null: all). */
    interface Pager<T> {
        Page<T> page(EngineClient client, int limit, String cursor, String prefix);
    }

    private final EngineCalls calls;
    private final Pager<T> pager;
    private final Function<T, String> name;
    private final ObjectProperty<ListState> state;
    private final int pageSize;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadingMore = new ReadOnlyBooleanWrapper(false);
    private String cursor;
    /** Which first page the list is on: an answer for an older one (a refresh came between) is dropped. */
    private int generation;

    PagedList(EngineCalls calls, Pager<T> pager, Function<T, String> name, ObjectProperty<ListState> state, int pageSize) {
        this.calls = calls;
        this.pager = pager;
        this.name = name;
        this.state = state;
        this.pageSize = pageSize;
    }

    /** Reads the first page again, replacing what was loaded; {@code then} runs with it on the FX thread. */
    void first(Consumer<List<T>> then) {
        int at = ++generation;
        loadingMore.set(false);
        calls.load(c -> pager.page(c, pageSize, null, null), page -> {
            if (at != generation) {
                return;
            }
            cursor = page.hasMore() ? page.cursor() : null;
            more.set(cursor != null);
            items.setAll(sorted(page.items()));
            state.set(ListState.of(items));
            then.accept(items);
        }, state);
    }

    /** Reads the page after what was loaded, when there is one and it is not already on its way. */
    void more() {
        if (cursor == null || loadingMore.get()) {
            return;
        }
        int at = generation;
        String from = cursor;
        loadingMore.set(true);
        calls.call(c -> pager.page(c, pageSize, from, null), page -> {
            if (at != generation) {
                return;
            }
            loadingMore.set(false);
            cursor = page.hasMore() ? page.cursor() : null;
            more.set(cursor != null);
            merge(page.items());
        }, failure -> {
            loadingMore.set(false);
            calls.fail(Failures.text(failure));
        });
    }

    /**
     * Asks the engine for the names starting with {@code prefix} when not all are loaded (what is loaded is searched
     * at once, in the view model); what it finds joins the loaded rows, so the search shows it.
     */
    void find(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        if (!more.get() || p.isEmpty() || p.chars().anyMatch(Character::isWhitespace)) {
            return; // all loaded: nothing more to find; words apart are no start of a name
        }
        int at = generation;
        calls.call(c -> pager.page(c, pageSize, null, p), page -> {
            if (at == generation) {
                merge(page.items());
            }
        });
    }

    /** Puts an entry in its place, or replaces the one of that name. */
    void put(T item) {
        merge(List.of(item));
        state.set(ListState.of(items));
    }

    /** Takes the entry of that name out, if it is loaded. */
    void remove(String key) {
        items.removeIf(t -> name.apply(t).equals(key));
        state.set(ListState.of(items));
    }

    /** Replaces everything with {@code list}, as if it were the whole list (the bench feeds 10,000 entries so). */
    void showAll(List<T> list) {
        generation++;
        cursor = null;
        more.set(false);
        items.setAll(sorted(list));
        state.set(ListState.of(items));
    }

    /** Forgets everything (another install). */
    void clear() {
        generation++;
        cursor = null;
        more.set(false);
        loadingMore.set(false);
        items.clear();
    }

    private void merge(List<T> page) {
        if (page.isEmpty()) {
            return;
        }
        List<T> in = sorted(page);
        if (items.isEmpty() || name.apply(in.getFirst()).compareTo(name.apply(items.getLast())) > 0) {
            items.addAll(in); // the usual next page: after everything loaded
            return;
        }
        Map<String, T> byName = new LinkedHashMap<>();
        for (T t : items) {
            byName.put(name.apply(t), t);
        }
        for (T t : in) {
            byName.put(name.apply(t), t);
        }
        items.setAll(sorted(new ArrayList<>(byName.values())));
    }

    private List<T> sorted(List<T> list) {
        // the engine's order: keys by name (for the names the engine allows, UTF-16 order is its byte order)
        return list.stream().sorted((a, b) -> name.apply(a).compareTo(name.apply(b))).toList();
    }

    ObservableList<T> items() { return items; }

    /** Whether the engine has entries after the loaded ones. */
    ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }

    /** Whether the next page is on its way. */
    ReadOnlyBooleanProperty loadingMoreProperty() { return loadingMore.getReadOnlyProperty(); }

    /** "200 loaded, more on the engine" or "57 in all": how far the list goes, in the user's language. */
    StringBinding countText(I18n i18n) {
        return Bindings.createStringBinding(() -> items.isEmpty() && !more.get() ? ""
                : more.get() ? i18n.get("dashboard.paging.loaded_more", items.size())
                : i18n.get("dashboard.paging.loaded_all", items.size()), items, more, i18n.localeProperty());
    }
}
