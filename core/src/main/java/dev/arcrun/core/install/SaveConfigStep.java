package dev.arcrun.core.install;

import dev.arcrun.core.config.DeployedBundle;
import dev.arcrun.core.config.HistoryEvent;
import java.time.Instant;
import java.util.Objects;

/** Records the deployed bundle (the one before it stays for rollback) and the install's history. */
final class SaveConfigStep implements InstallStep {
    private final InstallSession session;
    private final HistoryEvent.Kind kind;

    SaveConfigStep(InstallSession session, HistoryEvent.Kind kind) {
        this.session = session;
        this.kind = kind;
    }

    @Override public StepId id() { return StepId.CONFIG; }

    @Override
    public StepResult run(StepReporter reporter) {
        String sha = session.fetchedSha().orElseThrow();
        String version = session.bundle().version().orElse("unknown");
        DeployedBundle before = session.config().bundle();
        if (before != null && sha.equals(before.sha256())) {
            return StepResult.skipped(Note.Code.ALREADY_RECORDED, version);
        }
        DeployedBundle now = new DeployedBundle(session.options().source(), version, sha, Instant.now());
        HistoryEvent.Kind event = before == null ? HistoryEvent.Kind.INSTALLED : kind;
        session.update(c -> {
            var next = kind == HistoryEvent.Kind.ROLLED_BACK ? c.rolledBack(now) : c.withDeployedBundle(now);
            return next.withHistory(new HistoryEvent(Instant.now(), event,
                    before == null ? null : before.version(), version, session.options().source()));
        });
        return before == null ? StepResult.done(Note.Code.CONFIG_INSTALLED, version)
                : StepResult.done(Note.Code.CONFIG_CHANGED, before.version(), version);
    }
}
