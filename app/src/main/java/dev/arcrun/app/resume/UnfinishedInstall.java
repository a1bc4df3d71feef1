package dev.arcrun.app.resume;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.CorruptConfigException;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An install that stopped before it finished (closed mid-way, cancelled, failed): its config is saved after every
 * step, so it can be finished with the choices it was started with.
 *
 * @param stoppedAt the first step of its plan that has not finished
 */
public record UnfinishedInstall(String name, Target target, StepId stoppedAt) {

    /** The install as its config tells it, or empty when it has finished. */
    public static Optional<UnfinishedInstall> of(InstallConfig config) {
        return Installer.stoppedAt(config).map(step -> new UnfinishedInstall(config.name(), config.target(), step));
    }

    /** Every unfinished install on this computer (file reads: call it off the FX thread). */
    public static List<UnfinishedInstall> find(AppHome home) {
        InstallConfigStore store = new InstallConfigStore(home);
        List<UnfinishedInstall> found = new ArrayList<>();
        for (String name : store.names()) {
            try {
                store.find(name).flatMap(UnfinishedInstall::of).ifPresent(found::add);
            } catch (CorruptConfigException damaged) {
                // the dashboard says what is wrong with it; a banner cannot offer to finish what cannot be read
            }
        }
        return found;
    }
}
