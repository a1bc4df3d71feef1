package dev.arcrun.cli.i18n;

import dev.arcrun.core.UserFacingException;
import java.util.Arrays;

/**
 * A problem only the CLI knows (a bad argument, a file it reads): its sentence and what to do are keys of the CLI's
 * catalog, worded in the user's language when it is shown ({@link Words#oneLine}); {@link #getMessage()} stays
 * English, for logs.
 */
public final class CliProblem extends UserFacingException {
    private final String key;
    private final String adviceKey;
    private final transient Object[] args;

    /** @param adviceKey what to do, or null; both keys take the same {@code args} */
    public CliProblem(String key, String adviceKey, Object... args) {
        super(Words.ENGLISH.get(key, args), adviceKey == null ? "" : Words.ENGLISH.get(adviceKey, args));
        this.key = key;
        this.adviceKey = adviceKey;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public String adviceKey() {
        return adviceKey;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}
