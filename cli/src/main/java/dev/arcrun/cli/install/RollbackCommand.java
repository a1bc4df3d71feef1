package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arcrun rollback}: redeploy the engine that ran before the last update. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Redeploy the engine that was deployed before the last update.")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ChosenInstall install;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        String name = install.resolve(home);
        var installer = InstallEnvironment.installer(home);
        return PipelineRunner.run(spec, install.json, "arcrun rollback --name " + name, listener -> installer.rollback(name, listener));
    }
}
