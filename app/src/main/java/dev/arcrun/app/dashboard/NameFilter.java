package dev.arcrun.app.dashboard;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** The search over a list by name: every word typed appears in the name, in any letter case. */
final class NameFilter {
    private NameFilter() {}

    /** null (show everything) for an empty search, as a {@code FilteredList} wants it. */
    static <T> Predicate<T> of(String query, Function<T, String> name) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return item -> {
            String n = name.apply(item).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!n.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }
}
