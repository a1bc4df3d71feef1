package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun update}: fetch the engine again and redeploy it with the same resources and keys. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Fetch the engine again (or from --source) and redeploy it with the same resources and keys; "
                + "the previous engine is kept for rollback.")
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ChosenInstall install;

    @Option(names = "--source", paramLabel = "SRC", description = "Where to fetch the engine (default: where it came from).")
    String source;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        String name = install.resolve(home);
        var installer = InstallEnvironment.installer(home);
        return PipelineRunner.run(spec, install.json, "arcrun update --name " + name, listener -> installer.update(name, source, listener));
    }
}
