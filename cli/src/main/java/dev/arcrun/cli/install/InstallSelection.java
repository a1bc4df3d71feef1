package dev.arcrun.cli.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import java.util.List;

/** The install a command works on: the one named, or the only one on this computer. */
final class InstallSelection {
    private InstallSelection() {}

    static InstallConfig pick(InstallConfigStore store, String name) {
        if (name != null) {
            return store.load(name);
        }
        List<String> names = store.names();
        if (names.isEmpty()) {
            throw new UserFacingException("There is no arcrun install on this computer yet.",
                    "Start with: arcrun install --target local (or --target cloudflare).");
        }
        if (names.size() > 1) {
            throw new UserFacingException("There are several installs: " + String.join(", ", names) + ".",
                    "Say which one with --install NAME.");
        }
        return store.load(names.getFirst());
    }
}
