package dev.arcrun.cli.bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Get the engine bundle and prepare its workers' configs.",
        subcommands = {FetchCommand.class, InjectCommand.class})
public final class BundleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
