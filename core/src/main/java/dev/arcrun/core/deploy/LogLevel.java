package dev.arcrun.core.deploy;

import java.util.Locale;

/** How a console should colour a line. Read from the tool's own markers, since both wrangler and npm log to stderr freely. */
public enum LogLevel {
    DEBUG, INFO,
    /**
     * The tool's own advisory that asks nothing of the user: npm's "warn" and "notice" lines (EBADENGINE,
     * deprecated packages, a newer npm). npm prints them on most installs; shown as alarms they would teach people
     * to ignore real warnings.
     */
    NOTICE,
    WARN, ERROR;

    /** wrangler marks lines with "✘ [ERROR]" / "▲ [WARNING]", npm with "npm error" / "npm warn" / "npm notice". */
    public static LogLevel of(String text) {
        String t = text.stripLeading();
        if (t.startsWith("✘") || t.contains("[ERROR]") || t.startsWith("npm error") || t.startsWith("npm ERR!")) {
            return ERROR;
        }
        if (t.startsWith("▲") || t.contains("[WARNING]")) {
            return WARN;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("npm warn") || lower.startsWith("npm notice")) {
            return NOTICE;
        }
        if (lower.startsWith("[debug]")) {
            return DEBUG;
        }
        return INFO;
    }
}
