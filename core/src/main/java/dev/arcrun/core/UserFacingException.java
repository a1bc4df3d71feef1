package dev.arcrun.core;

import dev.arcrun.core.i18n.Messages;
import dev.arcrun.sdk.ArcrunException;
import java.util.Locale;

/**
 * An error meant for the person at the keyboard, as facts: {@link #failure()} says what went wrong and
 * {@link #adviceFact()} what to do about it (named so beside the SDK's text-only {@link #advice()}). The faces render
 * both from core's catalog in the user's language (the CLI as one line without a stack trace, the GUI in its page);
 * {@link #getMessage()} and {@link #advice()} are the English wording, for logs and for callers that only know the
 * SDK's base type {@link ArcrunException} (catch that to show either kind). Never put a secret in either.
 */
public class UserFacingException extends ArcrunException {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private final Failure failure;
    private final Advice advice;

    public UserFacingException(Failure failure, Advice advice) {
        this(failure, advice, null);
    }

    public UserFacingException(Failure failure, Advice advice, Throwable cause) {
        super(ENGLISH.render(failure), englishAdvice(advice), cause);
        this.failure = failure;
        this.advice = advice == null ? Advice.NONE : advice;
    }

    private static String englishAdvice(Advice advice) {
        return advice == null || advice.isNone() ? "" : ENGLISH.render(advice);
    }

    /**
     * For a face's own problems, worded by that face from its own catalog (the CLI's {@code CliProblem}, the app's
     * file checks): the text given is shown as it is. Core never uses it (its prose test refuses sentences in core).
     */
    public UserFacingException(String message, String advice) {
        this(message, advice, null);
    }

    public UserFacingException(String message, String advice, Throwable cause) {
        this(Failure.of(Failure.Code.UNWORDED, message),
                advice == null || advice.isEmpty() ? Advice.NONE : Advice.of(Advice.Code.UNWORDED, advice), cause);
    }

    public Failure failure() {
        return failure;
    }

    public Advice adviceFact() {
        return advice;
    }
}
