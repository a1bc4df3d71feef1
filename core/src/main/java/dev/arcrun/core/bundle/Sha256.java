package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** sha256 helpers: lower-case hex everywhere. */
public final class Sha256 {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(String text) {
        MessageDigest md = newDigest();
        md.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(md);
    }

    public static String of(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[256 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
                md.update(buf, 0, n);
            }
        }
        return hex(md);
    }

    /** Lower-cased, checked to be 64 hex digits; null stays null. */
    public static String normalise(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(s).matches()) {
            throw new UserFacingException(Failure.of(Failure.Code.SHA256_INVALID, given.strip()),
                    Advice.of(Advice.Code.SHA256_FORM));
        }
        return s;
    }
}
