package dev.arcrun.app.console;

import dev.arcrun.core.deploy.LogLevel;

/**
 * One line of the live console.
 *
 * @param source what printed it (a worker name, "npm", …); may be empty
 * @param text   the line, already redacted by core
 */
public record ConsoleLine(String source, String text, Level level) {

    /** NOTICE: a tool's advisory that asks nothing of the user (npm's EBADENGINE, deprecations): shown dimmed. */
    public enum Level { INFO, NOTICE, WARNING, ERROR;

        /** Warnings and errors are never cut: they wrap even when the user turned wrapping off. */
        public boolean important() { return this == WARNING || this == ERROR; }
    }

    public ConsoleLine {
        source = source == null ? "" : source;
        text = text == null ? "" : text;
    }

    /** A line with the level core read from the tool's own marker when the tool printed it; never guessed again here. */
    public static ConsoleLine of(String source, String text, LogLevel level) {
        return new ConsoleLine(source, text, switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARNING;
            case NOTICE -> Level.NOTICE;
            case DEBUG, INFO -> Level.INFO;
        });
    }

    /** As copied to the clipboard: {@code source | text}. */
    public String plain() {
        return source.isEmpty() ? text : source + " | " + text;
    }
}
