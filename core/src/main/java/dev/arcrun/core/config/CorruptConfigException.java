package dev.arcrun.core.config;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.nio.file.Path;

/** A config file that cannot be read. It is never replaced silently: a copy is kept at {@link #backup()}. */
public final class CorruptConfigException extends UserFacingException {
    private final Path file;
    private final Path backup;

    CorruptConfigException(String install, Path file, Path backup, String reason, Throwable cause) {
        // the reason is the parser's technical detail (a value, not a sentence of ours)
        super(Failure.of(Failure.Code.CONFIG_DAMAGED, install, file, reason, backup),
                Advice.of(Advice.Code.CONFIG_FIX), cause);
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
