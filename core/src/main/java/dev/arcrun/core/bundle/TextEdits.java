package dev.arcrun.core.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of character ranges in a text, applied together so earlier offsets stay valid. */
final class TextEdits {
    private record Edit(int start, int end, String text) {}

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text));
    }

    void insert(int at, String text) {
        edits.add(new Edit(at, at, text));
    }

    String applyTo(String source) {
        StringBuilder sb = new StringBuilder(source);
        // Later positions first; inserts at one spot keep the order they were made in.
        List<Edit> sorted = new ArrayList<>(edits);
        java.util.Collections.reverse(sorted);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        for (Edit e : sorted) {
            sb.replace(e.start, e.end, e.text);
        }
        return sb.toString();
    }

    /** The whitespace before position {@code at} on its line, if only whitespace precedes it; else "". */
    static String indentOf(String text, int at) {
        int i = at;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n' ? text.substring(i, at) : "";
    }

    /** True when position {@code at} is the first non-blank of its line. */
    static boolean startsLine(String text, int at) {
        int i = at;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n';
    }
}
