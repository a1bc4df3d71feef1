package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;

/** A bundle that is refused during extraction; nothing of it is left on disk. Names the offending entry. */
public final class BundleRefusedException extends UserFacingException {

    /** Why a bundle is refused: the catalog words each ({@code bundle.reason.} + id); tests assert on it. */
    public enum Reason {
        PARENT_TRAVERSAL, ABSOLUTE_PATH, LINK_OUTSIDE, BROKEN_LINK, SPECIAL_FILE, DUPLICATE, CASE_COLLISION,
        TYPE_CONFLICT, NOT_PORTABLE, TOO_MANY_ENTRIES, FILE_TOO_LARGE, TOTAL_TOO_LARGE, CORRUPT, NOT_AN_ARCHIVE,
        EMPTY
    }

    private final Reason reason;
    private final String entry;
    private final String detail;

    public BundleRefusedException(Reason reason, String entry, String why) {
        this(reason, entry, why, null);
    }

    public BundleRefusedException(Reason reason, String entry, String why, Throwable cause) {
        super(entry == null ? Failure.of(Failure.Code.BUNDLE_REFUSED, reason)
                        : Failure.of(Failure.Code.BUNDLE_REFUSED_ENTRY, reason, printable(entry)),
                Advice.of(Advice.Code.BUNDLE_TRUSTED), cause);
        this.reason = reason;
        this.entry = entry;
        this.detail = why;
    }

    public Reason reason() {
        return reason;
    }

    /** The specifics in English, for logs and bug reports (the user reads the reason's sentence). */
    public String detail() {
        return detail;
    }

    /** The entry's name as stored in the archive, or null when the archive as a whole is at fault. */
    public String entry() {
        return entry;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return s.length() > 200 ? sb + "…" : sb.toString();
    }
}
