package dev.arcrun.core.config;

import dev.arcrun.core.UserFacingException;
import java.nio.file.Path;

/** A config file that cannot be read. It is never replaced silently: a copy is kept at {@link #backup()}. */
public final class CorruptConfigException extends UserFacingException {
    private final Path file;
    private final Path backup;

    CorruptConfigException(String install, Path file, Path backup, String reason, Throwable cause) {
        super("The config of install '" + install + "' (" + file + ") is damaged: " + reason
                        + ". A copy was kept at " + backup + ".",
                "Fix the file by hand, or remove the install's folder and install again.", cause);
        this.file = file;
        this.backup = backup;
    }

    public Path file() {
        return file;
    }

    public Path backup() {
        return backup;
    }
}
