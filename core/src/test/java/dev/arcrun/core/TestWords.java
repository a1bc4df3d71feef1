package dev.arcrun.core;

import dev.arcrun.core.i18n.Messages;
import java.util.Locale;

/** Core's facts as tests read them: English from the catalog; an action (a face words it) as its code and values. */
public final class TestWords {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private TestWords() {}

    /** The code of the failure a {@link UserFacingException} states. */
    public static Failure.Code code(Throwable e) {
        return ((UserFacingException) e).failure().code();
    }

    public static String advice(Throwable e) {
        Advice a = ((UserFacingException) e).adviceFact();
        return a.code().action() ? a.code().id() + " " + a.args() : ENGLISH.render(a);
    }
}
