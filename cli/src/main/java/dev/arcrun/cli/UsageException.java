package dev.arcrun.cli;

/** Bad input found after parsing (e.g. {@code --input} that is not JSON): exit 2, like a parse error. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
