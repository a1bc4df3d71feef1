package dev.arcrun.cli.i18n;

/** How many terminal columns text takes: an East Asian wide character (Chinese, Japanese, Korean) takes two. */
public final class Columns {
    private Columns() {}

    public static int of(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    /** {@code s} followed by spaces up to {@code columns}. */
    public static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - of(s)));
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD;
    }
}
