package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arcrun use NAME}: the install commands work on when no {@code --install} is given. */
@Command(name = "use", mixinStandardHelpOptions = true,
        description = "Make NAME the current install: commands use it when no --install NAME is given.")
public final class UseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "An install, as `arcrun status` lists it.")
    String name;

    @Override
    public Integer call() {
        AppHome home = InstallEnvironment.home();
        InstallConfigStore store = new InstallConfigStore(home);
        String chosen = store.load(name).name(); // an unknown name fails here, with the known ones
        CurrentInstall.set(home, chosen);
        spec.commandLine().getOut().println(Words.current().get("use.now", chosen));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
