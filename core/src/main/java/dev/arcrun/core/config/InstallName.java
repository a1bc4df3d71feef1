package dev.arcrun.core.config;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
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
            throw new UserFacingException(Failure.of(Failure.Code.INSTALL_NAME_INVALID, name),
                    Advice.of(Advice.Code.INSTALL_NAME_FORM, 63));
        }
        return name;
    }
}
