package dev.arcrun.cli.cloudflare;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cf", mixinStandardHelpOptions = true,
        description = "Check a Cloudflare API token and provision the storage the engine needs.",
        subcommands = {CfVerifyCommand.class, CfProvisionCommand.class, CfRegisterSubdomainCommand.class})
public final class CfCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
