package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.CliProblem;
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
            throw new CliProblem("selection.none", "selection.none.advice");
        }
        if (names.size() > 1) {
            throw new CliProblem("selection.several", "selection.several.advice", String.join(", ", names));
        }
        return store.load(names.getFirst());
    }
}
