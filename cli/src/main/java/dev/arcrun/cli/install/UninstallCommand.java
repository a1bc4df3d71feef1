package dev.arcrun.cli.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Uninstaller;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun uninstall --confirm NAME}: remove what the install created, and nothing else. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Delete the workers, KV namespaces and bucket this install created (nothing else in the account),",
                "then its config and keys. Stored credentials, workflows and runs are lost. Needs --confirm NAME."})
public final class UninstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Which install (default: the only one).")
    String name;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The install's name, to confirm (see 'arcrun status').")
    String confirm;

    @Override
    public Integer call() {
        AppHome home = InstallEnvironment.home();
        InstallConfig config = InstallSelection.pick(new InstallConfigStore(home), name);
        PrintWriter out = spec.commandLine().getOut();
        if (confirm == null) {
            if (config.target() == dev.arcrun.core.config.Target.LOCAL) {
                out.println("This would stop the engine on this computer and delete its data (credentials, workflows, runs).");
            } else {
                out.println("This would delete from Cloudflare account " + config.accountId() + ":");
                config.journal().forEach(e -> out.println("  " + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + e.name()));
            }
            out.flush();
            throw new UserFacingException("Nothing was deleted: uninstalling cannot be undone.",
                    "To go ahead, run: arcrun uninstall --confirm " + config.name());
        }
        var report = new Uninstaller(home, InstallEnvironment.secrets(home), InstallEnvironment.env())
                .uninstall(config.name(), confirm, InstallListener.NONE);
        report.removed().forEach(r -> out.println("Removed " + r));
        report.problems().forEach(p -> out.println("Not removed: " + p));
        out.flush();
        if (!report.complete()) {
            throw new UserFacingException("The uninstall is incomplete: " + report.problems().size() + " thing(s) remain.",
                    "Fix the cause shown above and run the same command again; what was removed is not tried again.");
        }
        out.println("The install '" + config.name() + "' is gone.");
        out.flush();
        return 0;
    }
}
