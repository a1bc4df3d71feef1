package dev.arcrun.cli;

import dev.arcrun.cli.i18n.Words;

/**
 * Bad input found after parsing (e.g. {@code --input} that is not JSON): exit 2, like a parse error. Its sentence is
 * a key of the CLI's catalog, worded in the user's language when shown; {@link #getMessage()} is English.
 */
public final class UsageException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    /**
     * @param key a key of the CLI's catalog; text that is no key is shown as it is (code from before the catalog, which
     *            the prose test points out)
     */
    public UsageException(String key, Object... args) {
        super(Words.ENGLISH.has(key) ? Words.ENGLISH.get(key, args) : key);
        this.key = key;
        this.args = args.clone();
    }

    /** The sentence in these words. */
    public String text(Words words) {
        return words.has(key) ? words.get(key, args) : key;
    }
}
