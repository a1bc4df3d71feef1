package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.install.Installer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--name", paramLabel = "NAME", description = "Which install (default: the only one).")
    String name;

    @Option(names = "--source", paramLabel = "SRC", description = "Where to fetch the engine (default: where it came from).")
    String source;

    @Option(names = "--json", description = "Print one JSON document on stdout; progress goes to stderr.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        String install = InstallSelection.pick(new InstallConfigStore(home), name).name();
        Installer installer = InstallEnvironment.installer(home);
        return PipelineRunner.run(spec, json, listener -> installer.update(install, source, listener));
    }
}
