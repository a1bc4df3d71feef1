package dev.arcrun.cli.i18n;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.StepId;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's words for core's facts: core's catalog for what happened, the CLI's own catalog for what to do
 * ({@linkplain Advice.Code#action() actions} become commands such as {@code arcrun install --resume}). Human output
 * follows the locale ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}); {@code --json} and exit codes use
 * {@link #ENGLISH} or codes, never the locale.
 */
public final class Words {
    public static final String BUNDLE = "dev.arcrun.cli.i18n.messages";
    /** Fixed wording for machine-read output ({@code --json}): the same whatever the user's locale. */
    public static final Words ENGLISH = new Words(Locale.ENGLISH);

    private static volatile Words current;

    private final Messages core;
    private final ResourceBundle own;

    public Words(Locale locale) {
        this.core = new Messages(locale);
        this.own = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words for this process's locale, read once from the environment. */
    public static Words current() {
        Words w = current;
        if (w == null) {
            w = new Words(localeOf(System.getenv()));
            current = w;
        }
        return w;
    }

    /** For tests: answer in these words from now on; {@code null} reads the environment again. */
    public static void setCurrent(Words words) {
        current = words;
    }

    /**
     * The POSIX order: {@code LC_ALL} overrides {@code LC_MESSAGES}, which overrides {@code LANG}; {@code C},
     * {@code POSIX} and nothing at all mean English.
     */
    public static Locale localeOf(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                String tag = v.strip().split("[.@]", 2)[0];
                if (tag.equals("C") || tag.equals("POSIX")) {
                    return Locale.ENGLISH;
                }
                return Locale.forLanguageTag(tag.replace('_', '-'));
            }
        }
        return Locale.ENGLISH;
    }

    public String step(StepId step) {
        return core.step(step);
    }

    public String failure(Failure f) {
        return core.render(f);
    }

    public String note(Note n) {
        return core.render(n);
    }

    /** A log line: Arcrun's own in this language (its note), a tool's in the tool's own words. */
    public String line(dev.arcrun.core.deploy.LogLine line) {
        return line.note().map(this::note).orElse(line.text());
    }

    /** The text of a logged line (an install's event): its note in this language, else the tool's words. */
    public String line(java.util.Optional<Note> note, String toolText) {
        return note.map(this::note).orElse(toolText);
    }

    /** Core's advice, or for an action the CLI's command for it. */
    public String advice(Advice a) {
        if (!a.code().action()) {
            return core.render(a);
        }
        Object[] args = a.args().stream().map(Words::asArgument).toArray();
        return get(a.key(), args);
    }

    /** Failure and advice on one line, as the CLI prints an error. */
    public String oneLine(UserFacingException e) {
        if (e instanceof CliProblem p) {
            return join(get(p.key(), p.args()), p.adviceKey() == null ? "" : get(p.adviceKey(), p.args()));
        }
        return join(failure(e.failure()), advice(e.adviceFact()));
    }

    /** Cause then advice; no space after a full-width stop (Chinese writes 。請… without one). */
    public String join(String cause, String advice) {
        if (advice.isEmpty()) {
            return cause;
        }
        boolean fullWidthEnd = !cause.isEmpty() && Columns.of(cause.substring(cause.length() - 1)) == 2;
        return fullWidthEnd ? cause + advice : cause + " " + advice;
    }

    /** The CLI's own sentence for {@code key}. */
    public String get(String key, Object... args) {
        try {
            return new MessageFormat(own.getString(key), own.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Whether the CLI's catalog has {@code key}. */
    public boolean has(String key) {
        return own.containsKey(key);
    }

    public Messages core() {
        return core;
    }

    /** A value that goes into a command line: a target as its flag value ({@code --target local}), not in words. */
    private static Object asArgument(Object v) {
        return switch (v) {
            case Target t -> t.name().toLowerCase(Locale.ROOT);
            case java.util.Collection<?> c -> String.join(", ", c.stream().map(String::valueOf).toList());
            default -> String.valueOf(v);
        };
    }
}
