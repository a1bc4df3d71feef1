package dev.arcrun.core.config;

import dev.arcrun.core.UserFacingException;
import java.util.regex.Pattern;

/** Install names become folder names and keychain entries, so they are kept to a safe, portable alphabet. */
public final class InstallName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private InstallName() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String require(String name) {
        if (!isValid(name)) {
            throw new UserFacingException("'" + name + "' is not a valid install name.",
                    "Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit.");
        }
        return name;
    }
}
