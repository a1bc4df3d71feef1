package dev.arcrun.core.deploy;

import dev.arcrun.core.i18n.Messages;
import dev.arcrun.core.install.Note;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a child process's output as listeners and the log file see it: ANSI codes stripped and every known
 * secret already replaced by {@code ***}. {@code worker} names what ran (a worker name, or "npm").
 * <p>A line of Arcrun's own carries its {@link #note()}: the faces word that in the user's language, while
 * {@link #text()} is its English wording, for the log file (and for the tools' own lines, their words as they are).
 */
public record LogLine(String worker, LogStream stream, Instant time, LogLevel level, String text, Optional<Note> note) {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    public LogLine {
        Objects.requireNonNull(note, "note");
    }

    /** A tool's line: its own words, no fact. */
    public LogLine(String worker, LogStream stream, Instant time, LogLevel level, String text) {
        this(worker, stream, time, level, text, Optional.empty());
    }

    /** A line of Arcrun's own, now: the fact, with its English wording as the text. */
    public static LogLine note(String worker, LogLevel level, Note note) {
        return new LogLine(worker, LogStream.ARCRUN, Instant.now(), level, ENGLISH.render(note), Optional.of(note));
    }

    /** The same line with its text replaced (redacted); the fact stays. */
    LogLine withText(String newText) {
        return new LogLine(worker, stream, time, level, newText, note);
    }
}
