package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.i18n.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A bundle that is refused during extraction; nothing of it is left on disk. Names the offending entry. */
public final class BundleRefusedException extends UserFacingException {

    /** Why a bundle is refused: the catalog words each ({@code bundle.reason.} + id); tests assert on it. */
    public enum Reason {
        PARENT_TRAVERSAL, ABSOLUTE_PATH, LINK_OUTSIDE, BROKEN_LINK, SPECIAL_FILE, DUPLICATE, CASE_COLLISION,
        TYPE_CONFLICT, NOT_PORTABLE, TOO_MANY_ENTRIES, FILE_TOO_LARGE, TOTAL_TOO_LARGE, CORRUPT, NOT_AN_ARCHIVE,
        EMPTY
    }

    /**
     * The specifics behind a {@link Reason}, for logs and bug reports: the catalog words each
     * ({@code bundle.detail.} + id) with the {@linkplain #detailValues() values} it names.
     */
    public enum Detail {
        // the archive as a whole
        WEB_PAGE, EMPTY_FILE, NOT_TAR, NO_FILES, ENDS_EARLY, NOT_GZIP, NOT_TAR_DATA, TRAILING_DATA,
        // an entry's name
        EMPTY_NAME, ABSOLUTE, DOT_DOT, CONTROL_CHARACTER, WINDOWS_CHARACTER, ENDS_IN_DOT, ENDS_IN_SPACE, RESERVED_NAME,
        NAME_TOO_LONG, NO_FILE_NAME,
        // an entry among the others
        ALSO_FOLDER, TWICE, INSIDE_FILE, INSIDE_LINK, CASE_COLLISION,
        // an entry's kind and size
        ENTRY_CUT_SHORT, ENTRY_NOT_GZIP, ENTRY_NOT_TAR, TOO_MANY_ENTRIES, DEVICE, UNSUPPORTED_TYPE, FILE_TOO_LARGE,
        TOTAL_TOO_LARGE,
        // links
        HARD_LINK_OUTSIDE, HARD_LINK_NOT_FILE, LINK_TO_NOTHING, LINK_ABSOLUTE, LINK_OUTSIDE, LINK_MISSING,
        LINK_UNRESOLVABLE, LINK_RESOLVES_OUTSIDE;

        public String key() {
            return "bundle.detail." + name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private final Reason reason;
    private final String entry;
    private final Detail detail;
    private final List<Object> detailValues;

    public BundleRefusedException(Reason reason, String entry, Detail detail, Object... values) {
        this(null, reason, entry, detail, values);
    }

    public BundleRefusedException(Throwable cause, Reason reason, String entry, Detail detail, Object... values) {
        super(entry == null ? Failure.of(Failure.Code.BUNDLE_REFUSED, reason)
                        : Failure.of(Failure.Code.BUNDLE_REFUSED_ENTRY, reason, printable(entry)),
                Advice.of(Advice.Code.BUNDLE_TRUSTED), cause);
        this.reason = reason;
        this.entry = entry;
        this.detail = detail;
        this.detailValues = Arrays.stream(values).map(v -> v == null ? "" : v).toList();
    }

    public Reason reason() {
        return reason;
    }

    /** The specifics as a fact (the user reads the reason's sentence; logs and bug reports add this). */
    public Detail detailCode() {
        return detail;
    }

    public List<Object> detailValues() {
        return detailValues;
    }

    /** The specifics in {@code words}' language. */
    public String detail(Messages words) {
        return words.get(detail.key(), detailValues.toArray());
    }

    /** The specifics in English, for logs and bug reports. */
    public String detail() {
        return detail(ENGLISH);
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
