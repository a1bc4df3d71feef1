package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.install.Installer;
import java.io.PrintWriter;
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
        var config = installer.store().load(name);
        Installer.checkRollback(config);
        PrintWriter human = install.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        human.println(Words.current().get("rollback.start", name, config.bundle().version(),
                config.previousBundle().version()));
        human.flush();
        return PipelineRunner.run(spec, install.json, "arcrun rollback --install " + name, listener -> installer.rollback(name, listener));
    }
}
