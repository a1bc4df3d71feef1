package dev.arcrun.core.deploy;

import java.util.regex.Pattern;

/** Removes terminal escape sequences (colours, cursor moves, OSC hyperlinks) so lines are plain text. */
public final class Ansi {
    // CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and two-byte ESC sequences; also the C1 CSI form.
    private static final Pattern ESCAPES = Pattern.compile(
            "\\u001B\\[[0-?]*[ -/]*[@-~]|\\u009B[0-?]*[ -/]*[@-~]|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?|\\u001B[@-Z\\\\-_]");

    private Ansi() {
    }

    public static String strip(String text) {
        if (text.indexOf('\u001B') < 0 && text.indexOf('\u009B') < 0) {
            return text; // the common case costs one scan, no regex
        }
        return ESCAPES.matcher(text).replaceAll("");
    }
}
