package dev.arcrun.core;

import dev.arcrun.sdk.ArcrunException;

/**
 * An error meant for the person at the keyboard: the message says what went wrong and, in {@link #advice()},
 * what to do about it. The CLI prints it as one line without a stack trace; the GUI shows it in a dialog.
 * Never put a secret in either string. The SDK's failures share the base type {@link ArcrunException}: catch that
 * to show either kind.
 */
public class UserFacingException extends ArcrunException {
    public UserFacingException(String message, String advice) {
        super(message, advice);
    }

    public UserFacingException(String message, String advice, Throwable cause) {
        super(message, advice, cause);
    }
}
