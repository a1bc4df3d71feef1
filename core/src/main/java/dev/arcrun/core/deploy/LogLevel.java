package dev.arcrun.core.deploy;

import java.util.Locale;

/** How a console should colour a line. Read from the tool's own markers, since both wrangler and npm log to stderr freely. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** wrangler marks lines with "✘ [ERROR]" / "▲ [WARNING]", npm with "npm error" / "npm warn". */
    public static LogLevel of(String text) {
        String t = text.stripLeading();
        if (t.startsWith("✘") || t.contains("[ERROR]") || t.startsWith("npm error") || t.startsWith("npm ERR!")) {
            return ERROR;
        }
        if (t.startsWith("▲") || t.contains("[WARNING]") || t.startsWith("npm warn") || t.startsWith("npm WARN")) {
            return WARN;
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("[debug]")) {
            return DEBUG;
        }
        return INFO;
    }
}
