package dev.arcrun.app.console;

import dev.arcrun.core.deploy.LogLevel;

/**
 * One line of the live console.
 *
 * @param source what printed it (a worker name, "npm", …); may be empty
 * @param text   the line, already redacted by core
 */
public record ConsoleLine(String source, String text, Level level) {

    public enum Level { INFO, WARNING, ERROR }

    public ConsoleLine {
        source = source == null ? "" : source;
        text = text == null ? "" : text;
    }

    /**
     * Reads the tool's own markers ("✘ [ERROR]", "▲ [WARNING]", "npm warn"…). wrangler and npm print ordinary
     * lines on stderr too, so {@code flaggedError} alone only makes an unmarked line a warning, never an error.
     */
    public static ConsoleLine of(String source, String text, boolean flaggedError) {
        Level level = switch (LogLevel.of(text == null ? "" : text)) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARNING;
            case DEBUG, INFO -> flaggedError ? Level.WARNING : Level.INFO;
        };
        return new ConsoleLine(source, text, level);
    }

    /** As copied to the clipboard: {@code source | text}. */
    public String plain() {
        return source.isEmpty() ? text : source + " | " + text;
    }
}
