package dev.arcrun.cli.install;

import picocli.CommandLine.Option;

/**
 * "Which install": {@code --install NAME} on every command that works on an existing install. {@code --name} is
 * still accepted (hidden) where it was used before, so existing scripts keep working.
 */
public final class InstallName {
    @Option(names = "--install", paramLabel = "NAME", description = "Which install (default: the current one, see `arcrun use`, or the only one).")
    String install;

    @Option(names = "--name", paramLabel = "NAME", hidden = true, description = "Same as --install.")
    String legacyName;

    /** The install named, or null. */
    public String name() {
        return install != null ? install : legacyName;
    }
}
