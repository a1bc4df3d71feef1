package dev.arcrun.cli.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import java.util.List;

/** The install a command works on: the one named, the current one ({@code arcrun use}), or the only one. */
public final class InstallSelection {
    private InstallSelection() {}

    public static InstallConfig pick(InstallConfigStore store, String name) {
        if (name != null) {
            return store.load(name);
        }
        List<String> names = store.names();
        // `arcrun use NAME` chose one; a stale choice (that install was removed) is ignored.
        var current = CurrentInstall.get(InstallEnvironment.home()).filter(names::contains);
        if (current.isPresent()) {
            return store.load(current.get());
        }
        if (names.isEmpty()) {
            throw new UserFacingException("There is no arcrun install on this computer yet.",
                    "Start with: arcrun install --target local (or --target cloudflare).");
        }
        if (names.size() > 1) {
            throw new UserFacingException("There are several installs: " + String.join(", ", names) + ".",
                    "Say which one with --install NAME, or choose one for every command with: arcrun use NAME");
        }
        return store.load(names.getFirst());
    }
}
