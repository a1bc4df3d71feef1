package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.CliProblem;
import dev.arcrun.cli.i18n.Words;
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
            throw target == null ? new CliProblem("resume.none", "resume.none.advice")
                    : new CliProblem("resume.none_on", "resume.none.advice", target.name().toLowerCase(Locale.ROOT));
        }
        // the list is worded once, in the user's words (getMessage() keeps English sentences around it)
        Words words = Words.current();
        throw new CliProblem("resume.several", "resume.several.advice", String.join(", ",
                unfinished.stream().map(c -> words.get("resume.stopped_at", c.name(), Installer.stoppedAt(c).orElseThrow()
                        .name().toLowerCase(Locale.ROOT))).toList()));
    }
}
