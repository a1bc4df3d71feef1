package dev.arcrun.core.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node binary and the wrangler it runs. wrangler is always started as {@code node wrangler.js …} so the Node
 * version is the one checked here, never whatever {@code #!/usr/bin/env node} would find on PATH.
 */
public record Toolchain(Path node, Path wranglerJs, String nodeVersion, String wranglerVersion) {

    /** {@code node wranglerJs args…}, ready for a {@link ProcessBuilder}. */
    public List<String> wranglerCommand(String... args) {
        List<String> command = new ArrayList<>(2 + args.length);
        command.add(node.toString());
        command.add(wranglerJs.toString());
        command.addAll(List.of(args));
        return List.copyOf(command);
    }
}
