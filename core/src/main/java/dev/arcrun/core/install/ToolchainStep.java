package dev.arcrun.core.install;

import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.deploy.Toolchain;

/**
 * Makes sure a private node and wrangler are there (installs them with npm on first use, or downloads Node.js and npm
 * first when the computer has no npm: their bytes and rate go out as progress).
 */
final class ToolchainStep implements InstallStep {
    private final InstallSession session;

    ToolchainStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.TOOLCHAIN; }

    @Override
    public StepResult run(StepReporter reporter) {
        Toolchain t = session.toolchain(reporter::log, e -> {
            if (e instanceof DownloadEvent.Progress p) {
                reporter.transfer(Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                        new InstallEvent.Transfer(p.bytes(), p.total(), p.bytesPerSecond()));
            }
        });
        return StepResult.done(Note.Code.TOOLCHAIN_READY, t.nodeVersion(), t.wranglerVersion());
    }
}
