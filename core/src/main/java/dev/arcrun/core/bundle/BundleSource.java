package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a bundle comes from: a URL (GitHub refs become codeload URLs), a local file, or the engine built into the app. */
public sealed interface BundleSource {

    /** Classpath resource the engine build puts into core. */
    String BUILTIN_RESOURCE = "/engine/arcrun-engine.tar.gz";

    record Remote(URI url) implements BundleSource {}

    record LocalFile(Path file) implements BundleSource {}

    record Builtin() implements BundleSource {}

    /** GitHub owner and repository names, and a ref (branch, tag or commit) without spaces or "..". */
    Pattern GITHUB = Pattern.compile("(?:github:)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})@([A-Za-z0-9._/+-]{1,250})");

    /**
     * Reads what a user typed: {@code builtin}, {@code github:OWNER/REPO@REF} or {@code OWNER/REPO@REF},
     * an https URL, or the path of an existing .tar.gz / .tar file.
     */
    static BundleSource parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new UserFacingException(Failure.of(Failure.Code.SOURCE_MISSING), Advice.of(Advice.Code.SOURCE_FORMS));
        }
        if (s.equalsIgnoreCase("builtin")) {
            return new Builtin();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            URI uri;
            try {
                uri = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(Failure.of(Failure.Code.SOURCE_URL_INVALID, s), Advice.of(Advice.Code.CHECK_TYPOS));
            }
            if (uri.getHost() == null) {
                throw new UserFacingException(Failure.of(Failure.Code.SOURCE_URL_NO_HOST, s), Advice.of(Advice.Code.CHECK_TYPOS));
            }
            return new Remote(uri);
        }
        Matcher m = GITHUB.matcher(s);
        if (m.matches() && !m.group(3).contains("..")) {
            return new Remote(URI.create("https://codeload.github.com/" + m.group(1) + "/" + m.group(2) + "/tar.gz/" + m.group(3)));
        }
        if (s.startsWith("github:")) {
            throw new UserFacingException(Failure.of(Failure.Code.SOURCE_GITHUB_FORM, s), Advice.of(Advice.Code.GITHUB_FORM));
        }
        Path file;
        try {
            file = Path.of(s);
        } catch (InvalidPathException e) {
            throw new UserFacingException(Failure.of(Failure.Code.SOURCE_UNKNOWN, s), Advice.of(Advice.Code.SOURCE_FORMS));
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(Failure.of(Failure.Code.SOURCE_UNKNOWN, s), Advice.of(Advice.Code.SOURCE_FORMS));
        }
        return new LocalFile(file.toAbsolutePath());
    }
}
