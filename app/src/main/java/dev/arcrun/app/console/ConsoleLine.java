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

    /** A line with the level core read from the tool's own marker when the tool printed it; never guessed again here. */
    public static ConsoleLine of(String source, String text, LogLevel level) {
        return new ConsoleLine(source, text, switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARNING;
            case DEBUG, INFO -> Level.INFO;
        });
    }

    /** As copied to the clipboard: {@code source | text}. */
    public String plain() {
        return source.isEmpty() ? text : source + " | " + text;
    }
}
