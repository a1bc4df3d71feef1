package dev.arcrun.cli.i18n;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's parse errors in the user's language: the common ones (an unknown option, a missing one, one given
 * twice) from their facts; any other keeps picocli's text inside a worded frame. Exit codes stay picocli's.
 */
public final class ParseErrors {
    private ParseErrors() {
    }

    public static String text(CommandLine.ParameterException ex, Words words) {
        return switch (ex) {
            case CommandLine.UnmatchedArgumentException u when u.isUnknownOption() ->
                    words.get("cli.parse.unknown_option", shown(u.getUnmatched(), words));
            case CommandLine.UnmatchedArgumentException u -> words.get("cli.parse.unmatched", shown(u.getUnmatched(), words));
            case CommandLine.MissingParameterException m ->
                    words.get("cli.parse.missing", m.getMissing().stream().map(ParseErrors::name).collect(Collectors.joining(", ")));
            case CommandLine.OverwrittenOptionException o -> words.get("cli.parse.twice", name(o.getOverwritten()));
            default -> words.get("cli.parse.other", ex.getMessage());
        };
    }

    /** What picocli would suggest for a typo ("instal"), as one line; empty when it has nothing. */
    public static String suggestions(CommandLine.ParameterException ex, Words words) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) {
            return "";
        }
        String prefix = u.getCommandLine().getCommandSpec().qualifiedName();
        List<String> options = u.getSuggestions().stream()
                .map(s -> s.startsWith("-") ? s : prefix + " " + s).toList();
        return words.get("cli.parse.did_you_mean", String.join(", ", options));
    }

    /** The longest argument shown as typed: a longer one may be a key pasted where it does not belong. */
    static final int LONGEST_SHOWN = 16;

    /**
     * The arguments as typed, except what may be a secret: the value of {@code --api-key=...}, or a long word (a
     * key given as an argument, e.g. after {@code --api-key}) is said by its length only, so it is not printed back.
     */
    private static String shown(List<String> args, Words words) {
        return args.stream().map(a -> {
            int eq = a.indexOf('=');
            if (a.startsWith("-") && eq > 0) {
                return "'" + a.substring(0, eq) + "=…'";
            }
            return a.length() > LONGEST_SHOWN ? words.get("cli.parse.hidden_value", a.length()) : "'" + a + "'";
        }).collect(Collectors.joining(", "));
    }

    private static String name(ArgSpec spec) {
        return switch (spec) {
            case OptionSpec o -> "'" + o.longestName() + "'";
            case PositionalParamSpec p -> p.paramLabel();
            default -> String.valueOf(spec);
        };
    }
}
