package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of commands that work on one existing install: which one, and whether to answer in JSON. */
final class ChosenInstall {
    @Mixin
    InstallName install;

    @Option(names = "--json", description = "Print one JSON document on stdout; progress goes to stderr.")
    boolean json;

    /** The install's name: the one given, or the only one on this computer. */
    String resolve(AppHome home) {
        return InstallSelection.pick(new InstallConfigStore(home), install.name()).name();
    }
}
