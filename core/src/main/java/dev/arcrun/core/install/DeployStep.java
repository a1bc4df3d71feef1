package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.deploy.DeployCredentials;
import dev.arcrun.core.deploy.DeployReport;
import dev.arcrun.core.deploy.DeployRunner;
import dev.arcrun.core.deploy.DeployTarget;
import dev.arcrun.core.deploy.LogStream;
import dev.arcrun.core.deploy.WorkerOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the real {@code wrangler deploy} for every worker in tier order, each followed by its secrets. A worker that
 * failed is never reported as deployed; the error names it and shows wrangler's own last lines.
 */
final class DeployStep implements InstallStep {
    /** The worker the engine URL points at, as the bundle names it; deployed under {@link WorkerNames#deployed}. */
    static final String PUBLIC_WORKER = "arcrun-cypher-executor";
    private static final int MAX_ERROR_LINES = 8;

    private final InstallSession session;

    DeployStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.DEPLOY; }

    @Override
    public StepResult run(StepReporter reporter) {
        Bundle bundle = session.bundle();
        var cfg = session.config();
        String sha = session.fetchedSha().orElseThrow();
        boolean sameBundle = cfg.bundle() != null && sha.equals(cfg.bundle().sha256());
        boolean allJournaled = bundle.workers().stream().allMatch(w -> cfg.journal().stream()
                .anyMatch(e -> e.kind() == JournalEntry.Kind.WORKER && e.name().equals(w.name())));
        if (sameBundle && allJournaled && cfg.engineUrl() != null) {
            return StepResult.skipped(Note.Code.ALREADY_DEPLOYED, cfg.bundle().version());
        }
        List<DeployTarget> targets = DeployTarget.of(bundle);
        String publicWorker = WorkerNames.deployed(PUBLIC_WORKER, session.prefix());
        Map<String, Map<String, String>> secrets = BundleSecrets.forWorkers(bundle, session.secrets(), cfg.name(), session.prefix());
        DeployRunner runner = new DeployRunner(session.toolchain(reporter::log), session.home(),
                new DeployCredentials(session.token().secretValue(), session.accountId(), session.apiBase()));
        // Each worker is journaled the moment wrangler reports it deployed: if this process is killed before the
        // next one finishes, uninstall still knows the first is this install's.
        DeployReport report = runner.deploy(targets, secrets,
                reporter::log, session.cancellation(),
                o -> {
                    if (o instanceof WorkerOutcome.Deployed d) {
                        session.update(c -> c.withJournalEntry(new JournalEntry(JournalEntry.Kind.WORKER, d.name(), d.name(), Instant.now())));
                        if (d.name().equals(publicWorker)) {
                            String url = d.url().orElseGet(() -> "https://" + publicWorker + "." + cfg.resources().subdomain() + ".workers.dev");
                            session.update(c -> c.withEngineUrl(url));
                        }
                    }
                });
        if (!report.allDeployed()) {
            throw new UserFacingException(deployed(report).isEmpty() ? Failure.of(Failure.Code.DEPLOY_FAILED, describeFailure(report))
                    : Failure.of(Failure.Code.DEPLOY_FAILED_PARTLY, deployed(report), describeFailure(report)),
                    Advice.of(Advice.Code.DEPLOY_LINES, report.logFile()));
        }
        if (session.config().engineUrl() == null) {
            session.update(c -> c.withEngineUrl("https://" + publicWorker + "." + c.resources().subdomain() + ".workers.dev"));
        }
        return StepResult.done(Note.Code.DEPLOYED, report.workers().size(), report.workers().stream().map(WorkerOutcome::name).toList());
    }

    private static List<String> deployed(DeployReport report) {
        return report.workers().stream().filter(o -> o instanceof WorkerOutcome.Deployed).map(WorkerOutcome::name).toList();
    }

    /**
     * Each worker that did not deploy, with what stopped it: wrangler's own words (data, not ours) for a failure,
     * the worker it waited for when it never ran.
     */
    static List<Failure> describeFailure(DeployReport report) {
        List<Failure> out = new java.util.ArrayList<>();
        for (WorkerOutcome o : report.workers()) {
            switch (o) {
                case WorkerOutcome.Failed f -> out.add(f.exitCode().isPresent()
                        ? Failure.of(Failure.Code.WORKER_FAILED_EXIT, f.name(), f.exitCode().getAsInt(), f.reason(), said(f.lastLines()))
                        : Failure.of(Failure.Code.WORKER_FAILED, f.name(), f.reason(), said(f.lastLines())));
                case WorkerOutcome.NotRun n -> out.add(Failure.of(Failure.Code.WORKER_NOT_RUN, n.name(), n.reason()));
                case WorkerOutcome.Deployed d -> Objects.requireNonNull(d);
            }
        }
        return out;
    }

    /** wrangler's words as the last value of a worker's failure: empty text when it said nothing. */
    private static Object said(List<String> lastLines) {
        return wranglerSays(lastLines).<Object>map(f -> f).orElse("");
    }

    /**
     * wrangler's own explanation: from its first "✘ [ERROR]" line on (a build error names the file, line and what
     * it expected), without its closing "Logs were written to …" pointer, which says nothing about the cause.
     */
    static Optional<Failure> wranglerSays(List<String> lastLines) {
        List<String> lines = lastLines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("🪵") && !l.startsWith("Logs were written")).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int first = 0;
        while (first < lines.size() && !lines.get(first).contains("[ERROR]")) {
            first++;
        }
        List<String> said = first == lines.size() ? List.of(lines.getLast()) : lines.subList(first, Math.min(lines.size(), first + MAX_ERROR_LINES));
        return Optional.of(Failure.of(Failure.Code.WRANGLER_SAYS, String.join(" | ", said)));
    }
}
