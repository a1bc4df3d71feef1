package dev.arcrun.core.install;

import dev.arcrun.core.deploy.Toolchain;

/** Makes sure a private node and wrangler are there (installs them with npm on first use). */
final class ToolchainStep implements InstallStep {
    private final InstallSession session;

    ToolchainStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.TOOLCHAIN; }

    @Override
    public StepResult run(StepReporter reporter) {
        Toolchain t = session.toolchain(reporter::npm);
        return StepResult.done(Note.Code.TOOLCHAIN_READY, t.nodeVersion(), t.wranglerVersion());
    }
}
