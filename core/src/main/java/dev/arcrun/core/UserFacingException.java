package dev.arcrun.core;

/**
 * An error meant for the person at the keyboard: the message says what went wrong and, in {@link #advice()},
 * what to do about it. The CLI prints it as one line without a stack trace; the GUI shows it in a dialog.
 * Never put a secret in either string.
 */
public class UserFacingException extends RuntimeException {
    private final String advice;

    public UserFacingException(String message, String advice) {
        this(message, advice, null);
    }

    public UserFacingException(String message, String advice, Throwable cause) {
        super(message, cause);
        this.advice = advice == null ? "" : advice;
    }

    public String advice() {
        return advice;
    }

    /** Message and advice as one line. */
    public String oneLine() {
        return advice.isEmpty() ? getMessage() : getMessage() + " " + advice;
    }
}
