package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.BundleDiscovery;
import dev.arcrun.core.config.DeployedBundle;
import java.nio.file.Files;
import java.nio.file.Path;

/** For rollback: takes the earlier bundle kept in the install's folder instead of downloading anything. */
final class ReuseBundleStep implements InstallStep {
    private final InstallSession session;
    private final DeployedBundle bundle;

    ReuseBundleStep(InstallSession session, DeployedBundle bundle) {
        this.session = session;
        this.bundle = bundle;
    }

    @Override public StepId id() { return StepId.FETCH; }

    @Override
    public StepResult run(StepReporter reporter) {
        Path dir = session.bundleDir(bundle.sha256());
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException(Failure.of(Failure.Code.EARLIER_BUNDLE_MISSING, bundle.version(), dir),
                    Advice.of(Advice.Code.UPDATE_FORWARD, bundle.source(), session.config().name()));
        }
        session.bundle(BundleDiscovery.discover(dir));
        session.detail(id(), dev.arcrun.core.config.StepDetail.bundle(bundle.sha256(), bundle.version(), null));
        return StepResult.done(Note.Code.REUSED_BUNDLE, bundle.version(), dir);
    }
}
