package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.install.Installer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun rollback}: redeploy the engine that ran before the last update. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Redeploy the engine that was deployed before the last update.")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Which install (default: the only one).")
    String name;

    @Option(names = "--json", description = "Print one JSON document on stdout; progress goes to stderr.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        String install = InstallSelection.pick(new InstallConfigStore(home), name).name();
        Installer installer = InstallEnvironment.installer(home);
        return PipelineRunner.run(spec, json, listener -> installer.rollback(install, listener));
    }
}
