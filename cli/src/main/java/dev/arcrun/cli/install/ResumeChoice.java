package dev.arcrun.cli.install;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.Installer;
import java.util.List;
import java.util.Locale;

/**
 * Which install {@code arcrun install --resume} without {@code --name} means: the unfinished one. A finished
 * install is never "resumed" by accident (it would end in a "Done" about another install than the one meant).
 */
final class ResumeChoice {
    private ResumeChoice() {}

    /** @param target the {@code --target} given, or null */
    static String pick(InstallConfigStore store, Target target) {
        List<InstallConfig> unfinished = store.names().stream().map(store::load)
                .filter(c -> target == null || c.target() == target)
                .filter(c -> Installer.stoppedAt(c).isPresent()).toList();
        if (unfinished.size() == 1) {
            return unfinished.getFirst().name();
        }
        if (unfinished.isEmpty()) {
            throw new UserFacingException("There is no unfinished install"
                    + (target == null ? "" : " on " + target.name().toLowerCase(Locale.ROOT)) + " to resume.",
                    "`arcrun status` shows the installs; `arcrun update` redeploys a finished one, "
                            + "`arcrun install --target local|cloudflare` starts a new one.");
        }
        throw new UserFacingException("Several installs are unfinished: " + String.join(", ",
                unfinished.stream().map(c -> c.name() + " (stopped at " + Installer.stoppedAt(c).orElseThrow()
                        .name().toLowerCase(Locale.ROOT) + ")").toList()) + ".",
                "Say which one with: arcrun install --resume --name NAME");
    }
}
