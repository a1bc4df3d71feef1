package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;

/**
 * What a list on the dashboard is showing, so it never says "No credentials yet" while it is still loading or
 * when the engine does not answer.
 */
public sealed interface ListState {
    record Loading() implements ListState {}

    record Empty() implements ListState {}

    /** @param why one line a person can act on */
    record Unreachable(String why) implements ListState {}

    record Loaded(int count) implements ListState {}

    /** The install never got as far as an engine (an unfinished install): there is nobody to ask. */
    record Unfinished() implements ListState {}

    ListState LOADING = new Loading();
    ListState EMPTY = new Empty();

    static ListState of(java.util.Collection<?> items) {
        return items.isEmpty() ? EMPTY : new Loaded(items.size());
    }

    /** The text a list shows in place of rows; {@code emptyKey} is the list's own "nothing here yet" line. */
    static String placeholder(ListState state, I18n i18n, String emptyKey) {
        return placeholder(state, i18n, emptyKey, emptyKey);
    }

    /** As above; {@code noMatchKey} is what a list with rows says when the search hides every one. */
    static String placeholder(ListState state, I18n i18n, String emptyKey, String noMatchKey) {
        return switch (state) {
            case Loading l -> i18n.get("dashboard.state.loading");
            case Empty e -> i18n.get(emptyKey);
            case Unreachable u -> i18n.get("dashboard.state.unreachable", u.why());
            case Unfinished u -> i18n.get("dashboard.state.no_engine");
            case Loaded l -> i18n.get(noMatchKey); // shown only when a filter hides every row
        };
    }
}
