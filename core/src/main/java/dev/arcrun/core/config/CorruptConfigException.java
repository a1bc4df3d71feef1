package dev.arcrun.core.config;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A config file that cannot be read. It is never replaced silently: a copy is kept at {@link #backup()}. */
public final class CorruptConfigException extends UserFacingException {
    private final Path file;
    private final Path backup;
    private final Damage damage;

    CorruptConfigException(String install, Path file, Path backup, Damage damage, Throwable cause) {
        super(Failure.of(Failure.Code.CONFIG_DAMAGED, install, file, damage, backup),
                Advice.of(Advice.Code.CONFIG_FIX), cause);
        this.file = file;
        this.backup = backup;
        this.damage = damage;
    }

    public Path file() {
        return file;
    }

    public Path backup() {
        return backup;
    }

    public Damage damage() {
        return damage;
    }

    /**
     * What is wrong with the file, as a fact worded by core's catalog ({@code config.damage.} + id): in words about
     * the file (field, line), never about Java types. The values are the file's own (a value, a field path) or the
     * parser's technical detail.
     *
     * @param line the line of the file where it goes wrong, or 0 when unknown
     */
    public record Damage(Reason reason, List<Object> args, int line) {
        public enum Reason {
            /** It ends in the middle of a line, so it was cut off. */
            CUT_OFF,
            EMPTY,
            /** It names another install: the name found, the name expected. */
            OTHER_INSTALL,
            /** A value that is not valid for its field: the value, the field path. */
            BAD_VALUE,
            /** The install name in it is not valid: the name. */
            NAME_INVALID,
            /** A required value is missing: the field. */
            MISSING_VALUE,
            /** A value was refused: why (a fact, or the technical message). */
            REFUSED_VALUE,
            /** The value of a field has the wrong form: the field path. */
            WRONG_FORM,
            /** It cannot be read: the parser's first line. */
            UNREADABLE,
            /** It is binary data, or not UTF-8. */
            NOT_TEXT,
            /** It is not valid YAML: the parser's first line. */
            NOT_YAML;

            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public Damage {
            Objects.requireNonNull(reason);
            args = args.stream().map(a -> a == null ? (Object) "" : a).toList();
        }

        public static Damage of(Reason reason, Object... args) {
            return new Damage(reason, Arrays.asList(args), 0);
        }

        public Damage atLine(int lineNr) {
            return new Damage(reason, args, lineNr);
        }

        public String key() {
            return "config.damage." + reason.id();
        }
    }
}
