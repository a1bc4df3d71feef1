package dev.arcrun.cli.meta;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arcrun completion bash|zsh|fish}: a completion script on stdout, e.g. {@code source <(arcrun completion bash)}.
 * bash and zsh share picocli's script (it loads zsh's bashcompinit itself); fish gets one generated from the same tree.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "bash: source <(arcrun completion bash)",
                "zsh: source <(arcrun completion zsh)", "fish: arcrun completion fish | source"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        switch (shell.toLowerCase(Locale.ROOT)) {
            case "bash", "zsh" -> out.print(AutoComplete.bash(root.getCommandName(), root));
            case "fish" -> out.print(fish(root));
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    dev.arcrun.cli.i18n.Words.current().get("completion.bad_shell", shell));
        }
        out.flush();
        return 0;
    }

    static String fish(CommandLine root) {
        StringBuilder b = new StringBuilder("# arcrun completion for fish: arcrun completion fish | source\n");
        String name = root.getCommandName();
        b.append("complete -c ").append(name).append(" -f\n");
        root.getSubcommands().forEach((sub, cl) -> {
            if (cl.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            b.append("complete -c ").append(name).append(" -n '__fish_use_subcommand' -a ").append(sub)
                    .append(" -d ").append(quote(first(cl.getCommandSpec().usageMessage().description()))).append('\n');
            cl.getSubcommands().forEach((leaf, lcl) -> b.append("complete -c ").append(name)
                    .append(" -n '__fish_seen_subcommand_from ").append(sub).append("' -a ").append(leaf)
                    .append(" -d ").append(quote(first(lcl.getCommandSpec().usageMessage().description()))).append('\n'));
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        b.append("complete -c ").append(name).append(" -n '__fish_seen_subcommand_from ").append(sub)
                                .append("' -l ").append(n.substring(2))
                                .append(o.arity().max() > 0 ? " -r" : "")
                                .append(" -d ").append(quote(first(o.description()))).append('\n');
                    }
                }
            }
        });
        return b.toString();
    }

    private static String first(String[] lines) {
        return lines == null || lines.length == 0 ? "" : lines[0];
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
