package dev.arcrun.cli;

import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.core.UserFacingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "arcrun", mixinStandardHelpOptions = true, versionProvider = dev.arcrun.cli.meta.VersionInfo.class,
        description = "Install and manage the arcrun engine on Cloudflare or on this computer.",
        subcommands = {
                dev.arcrun.cli.install.InstallCommand.class,
                dev.arcrun.cli.install.StatusCommand.class,
                dev.arcrun.cli.install.UseCommand.class,
                dev.arcrun.cli.install.UpdateCommand.class,
                dev.arcrun.cli.install.RollbackCommand.class,
                dev.arcrun.cli.install.UninstallCommand.class,
                dev.arcrun.cli.cloudflare.CfCommand.class,
                dev.arcrun.cli.deploy.DeployCommand.class,
                dev.arcrun.cli.local.LocalCommand.class,
                dev.arcrun.cli.engine.CredsCommand.class,
                dev.arcrun.cli.engine.ServicesCommand.class,
                dev.arcrun.cli.engine.WorkflowsCommand.class,
                dev.arcrun.cli.engine.SettingsCommand.class,
                dev.arcrun.cli.bundle.BundleCommand.class,
                dev.arcrun.cli.meta.CompletionCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class ArcrunCli implements Runnable {

    @Option(names = "--api-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The engine's URL (default: ARCRUN_API_URL, then the install's).")
    String apiUrl;

    /** The global {@code --api-url}, or null. */
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The configured command line: usage errors exit 2 with one line and a pointer to the command's help, other
     * failures exit 1 with one line on stderr and no stack trace (the message of a {@link UserFacingException}
     * already says what to do). {@code @file} arguments are not expanded: {@code --input @in.json} would otherwise
     * be silently replaced by the file's words.
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new ArcrunCli());
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof UsageException u) {
                err.println("arcrun: " + u.text(dev.arcrun.cli.i18n.Words.current()));
                err.println(dev.arcrun.cli.i18n.Words.current().get("cli.see_help", cmd.getCommandSpec().qualifiedName()));
                err.flush();
                return 2;
            }
            err.println("arcrun: " + describe(ex));
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            dev.arcrun.cli.i18n.Words words = dev.arcrun.cli.i18n.Words.current();
            err.println("arcrun: " + dev.arcrun.cli.i18n.ParseErrors.text(ex, words));
            String suggestions = dev.arcrun.cli.i18n.ParseErrors.suggestions(ex, words);
            if (!suggestions.isEmpty()) {
                err.println(suggestions);
            }
            err.println(dev.arcrun.cli.i18n.Words.current().get("cli.see_help", cmd.getCommandSpec().qualifiedName()));
            err.flush();
            return 2;
        });
        return cl;
    }

    static String describe(Throwable ex) {
        if (ex instanceof UserFacingException u) {
            return dev.arcrun.cli.i18n.Words.current().oneLine(u);
        }
        if (ex instanceof ArcrunException a) {
            // the SDK words its failures in English for developers; the CLI words their facts, with its commands
            java.util.Locale locale = dev.arcrun.cli.i18n.Words.current().core().locale();
            return dev.arcrun.core.engineclient.SdkFailures.engineRefusal(a)
                    .map(f -> {
                        // the engine's own words name what it refused (which credential); keep them when ours do not
                        String text = new dev.arcrun.cli.engine.EngineFailureText(locale).of(f);
                        return f.detail() == null || f.detail().isBlank() || text.contains(f.detail()) ? text
                                : text + " — " + f.detail();
                    })
                    .orElseGet(() -> dev.arcrun.cli.i18n.Words.current().oneLine(dev.arcrun.core.engineclient.SdkFailures.facts(a)));
        }
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? dev.arcrun.cli.i18n.Words.current().get("cli.unexpected") : msg;
    }
}
