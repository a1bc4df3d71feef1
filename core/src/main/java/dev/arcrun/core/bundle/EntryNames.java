package dev.arcrun.core.bundle;

import dev.arcrun.core.bundle.BundleRefusedException.Detail;
import dev.arcrun.core.bundle.BundleRefusedException.Reason;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an archive entry name into a safe relative path ("a/b/c"), or refuses it. The rules are those of the
 * strictest of Windows, macOS and Linux, because the same bundle must install on all three.
 */
final class EntryNames {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");
    private static final String FORBIDDEN = "<>:\"|?*";

    private EntryNames() {}

    /**
     * The entry's path relative to the archive root with "/" separators, "" for the root itself.
     * Backslashes count as separators (Windows reads them so).
     */
    static String normalise(String raw) {
        if (raw.isEmpty()) {
            throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.EMPTY_NAME);
        }
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)))) {
            throw new BundleRefusedException(Reason.ABSOLUTE_PATH, raw, Detail.ABSOLUTE);
        }
        List<String> parts = segments(name);
        for (String p : parts) {
            if (p.equals("..")) {
                throw new BundleRefusedException(Reason.PARENT_TRAVERSAL, raw, Detail.DOT_DOT);
            }
        }
        for (String p : parts) {
            checkPortable(raw, p);
        }
        return String.join("/", parts);
    }

    /** Non-empty segments other than ".". */
    static List<String> segments(String slashed) {
        List<String> out = new ArrayList<>();
        for (String p : slashed.split("/", -1)) {
            if (!p.isEmpty() && !p.equals(".")) {
                out.add(p);
            }
        }
        return out;
    }

    private static void checkPortable(String raw, String seg) {
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.CONTROL_CHARACTER);
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.WINDOWS_CHARACTER, String.valueOf(c));
            }
        }
        char last = seg.charAt(seg.length() - 1);
        if (last == '.' || last == ' ') {
            throw new BundleRefusedException(Reason.NOT_PORTABLE, raw,
                    last == '.' ? Detail.ENDS_IN_DOT : Detail.ENDS_IN_SPACE);
        }
        int dot = seg.indexOf('.');
        String base = (dot < 0 ? seg : seg.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.RESERVED_NAME, seg);
        }
        if (seg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.NAME_TOO_LONG, 255);
        }
    }

    /** The key two names collide under on a case-insensitive, normalisation-insensitive file system (macOS, Windows). */
    static String foldKey(String rel) {
        for (int i = 0; i < rel.length(); i++) {
            if (rel.charAt(i) >= 0x80) {
                return Normalizer.normalize(rel, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            }
        }
        return rel.toLowerCase(Locale.ROOT); // ASCII is its own normal form
    }
}
