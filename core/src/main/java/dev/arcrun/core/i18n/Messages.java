package dev.arcrun.core.i18n;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.TokenCheck;
import dev.arcrun.core.config.SecretLocation;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.PlanAction;
import dev.arcrun.core.install.StepId;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Core's message catalog (English and Traditional Chinese): the one place where core's facts become sentences. The
 * CLI and the app render with it, each in the user's locale; neither parses core's text. An
 * {@linkplain Advice.Code#action() action} has no sentence here: each face words it ({@link #hasSentence}).
 */
public final class Messages {
    public static final String BUNDLE = "dev.arcrun.core.i18n.messages";

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        // no fallback to the machine's default locale: a user who chose English gets English
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The catalog's sentence for {@code key} with its values; values that are facts are worded too. */
    public String get(String key, Object... args) {
        try {
            String text = bundle.getString(key);
            Object[] worded = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                worded[i] = word(args[i]);
            }
            return new MessageFormat(text, bundle.getLocale()).format(worded);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible, and caught by the catalog test; never a crash
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String render(PlanAction action) {
        return get("plan." + action.code(), action.args().toArray());
    }

    public String render(Failure failure) {
        return get(failure.key(), failure.args().toArray());
    }

    public String render(Note note) {
        return get(note.key(), note.args().toArray());
    }

    /**
     * Advice worded by core. An action ({@link Advice.Code#action()}) is the face's to word: this gives its key in
     * brackets, so a face that forgot one shows it (and its catalog test fails) rather than a wrong sentence.
     */
    public String render(Advice advice) {
        return advice.isNone() ? "" : get(advice.key(), advice.args().toArray());
    }

    /** What the step does, in words a user understands. */
    public String step(StepId step) {
        return get("step." + step.id());
    }

    /** A value inside a sentence, in this language: facts by their own sentence, lists joined, the rest as text. */
    public Object word(Object value) {
        return switch (value) {
            case null -> "";
            case StepId s -> step(s);
            case Failure f -> render(f);
            case EngineFailure f -> render(f);
            case Note n -> render(n);
            case Target t -> get("target." + t.name().toLowerCase(Locale.ROOT));
            case dev.arcrun.core.config.JournalEntry.Kind k -> get("resource." + k.name().toLowerCase(Locale.ROOT));
            case TokenCheck.Kind k -> get("token.kind." + k.name().toLowerCase(Locale.ROOT));
            case dev.arcrun.core.bundle.BundleRefusedException.Reason r -> get("bundle.reason." + r.name().toLowerCase(Locale.ROOT));
            case PermissionGroup g -> g.displayName(); // Cloudflare's own name, as its token page shows it
            case SecretLocation.Keychain k -> get("where.keychain", k.kind());
            case SecretLocation.File f -> get("where.file", f.folder(), f.why());
            // cloudflare calls, installs' configs and secrets (facts-cfconfig)
            case dev.arcrun.core.cloudflare.Operation o -> get(o.key());
            case dev.arcrun.core.cloudflare.CallProblem p -> get(p.key(), p.detail());
            case dev.arcrun.core.config.SecretKind k -> get(k.key());
            case dev.arcrun.core.config.KeychainKind k -> get(k.key());
            case dev.arcrun.core.config.KeychainProblem p -> get(p.key(), p.detail());
            case dev.arcrun.core.config.CorruptConfigException.Damage d -> d.line() > 0
                    ? get("config.damage.at_line", get(d.key(), d.args().toArray()), d.line())
                    : get(d.key(), d.args().toArray());
            case java.time.Duration d when d.toSeconds() >= 60 && d.toMillis() % 60_000 == 0 -> get("duration.minutes", d.toMinutes());
            case java.time.Duration d -> get("duration.seconds", d.toMillis() / 1000.0);
            case Collection<?> c when !c.isEmpty() && c.stream().allMatch(Failure.class::isInstance) ->
                    c.stream().map(v -> render((Failure) v)).collect(Collectors.joining(get("sentence.separator")));
            case Collection<?> c -> c.stream().map(v -> String.valueOf(word(v))).collect(Collectors.joining(get("list.separator")));
            case Number n -> n;
            default -> String.valueOf(value);
        };
    }

    /** The cause of an engine failure, without a closing mark: each face adds its advice or ends the sentence. */
    public String render(EngineFailure failure) {
        return get(failure.messageKey(), failure.args());
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /** Keys every value kind above may need, for the catalog test. */
    public static List<String> valueKeys() {
        List<String> reasons = java.util.Arrays.stream(dev.arcrun.core.bundle.BundleRefusedException.Reason.values())
                .map(r -> "bundle.reason." + r.name().toLowerCase(Locale.ROOT)).toList();
        // bundle fetch: the specifics of a refusal
        reasons = Stream.concat(reasons.stream(), java.util.Arrays.stream(dev.arcrun.core.bundle.BundleRefusedException.Detail.values())
                .map(dev.arcrun.core.bundle.BundleRefusedException.Detail::key)).toList();
        List<String> values = java.util.stream.Stream.concat(reasons.stream(), Stream.of("where.keychain", "where.file", "list.separator", "sentence.separator", "target.local", "target.cloudflare",
                "token.kind.user", "token.kind.account", "resource.worker", "resource.kv_namespace", "resource.r2_bucket")).toList();
        // cloudflare calls, installs' configs and secrets (facts-cfconfig)
        Stream<String> cfconfig = Stream.of(
                java.util.Arrays.stream(dev.arcrun.core.cloudflare.Operation.values()).map(dev.arcrun.core.cloudflare.Operation::key),
                java.util.Arrays.stream(dev.arcrun.core.cloudflare.CallProblem.Kind.values())
                        .map(k -> new dev.arcrun.core.cloudflare.CallProblem(k, "").key()),
                java.util.Arrays.stream(dev.arcrun.core.config.SecretKind.values()).map(dev.arcrun.core.config.SecretKind::key),
                java.util.Arrays.stream(dev.arcrun.core.config.KeychainKind.values()).map(dev.arcrun.core.config.KeychainKind::key),
                java.util.Arrays.stream(dev.arcrun.core.config.KeychainProblem.Reason.values())
                        .map(r -> dev.arcrun.core.config.KeychainProblem.of(r).key()),
                java.util.Arrays.stream(dev.arcrun.core.config.CorruptConfigException.Damage.Reason.values())
                        .map(r -> dev.arcrun.core.config.CorruptConfigException.Damage.of(r).key()),
                Stream.of("config.damage.at_line", "duration.seconds", "duration.minutes")).flatMap(x -> x);
        return Stream.concat(values.stream(), cfconfig).toList();
    }
}
