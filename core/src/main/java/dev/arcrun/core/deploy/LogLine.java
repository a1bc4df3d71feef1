package dev.arcrun.core.deploy;

import java.time.Instant;

/**
 * One line of a child process's output as listeners and the log file see it: ANSI codes stripped and every known
 * secret already replaced by {@code ***}. {@code worker} names what ran (a worker name, or "npm").
 */
public record LogLine(String worker, LogStream stream, Instant time, LogLevel level, String text) {
}
