package dev.arcrun.sdk;

import java.util.List;

/**
 * One page of one of the engine's lists: its items, and the cursor the next page starts at ({@code null} on the last
 * page). An engine from before lists were paged answers everything at once: one page, not truncated.
 */
public record Page<T>(List<T> items, String cursor, boolean truncated) {
    public Page {
        items = List.copyOf(items);
        if (cursor != null && cursor.isBlank()) cursor = null;
    }

    /** Whether another page follows (ask for it with {@link #cursor()}). */
    public boolean hasMore() {
        return truncated && cursor != null;
    }
}
