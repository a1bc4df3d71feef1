package dev.arcrun.core.install;

import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.Resources;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the KV namespaces and the R2 bucket that are missing and reuses the rest. Only what it created goes into
 * the journal, so uninstall never deletes something the user had before.
 */
final class ProvisionStep implements InstallStep {
    private final InstallSession session;

    ProvisionStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.PROVISION; }

    @Override
    public StepResult run(StepReporter reporter) {
        ResourceManifest manifest = ResourceManifest.standard(session.prefix());
        ProvisionResult result = new Provisioner(session.cloudflare()).ensure(session.accountId(), manifest, false, journal(session));
        record(session, result);
        return StepResult.done(Note.Code.PROVISIONED, manifest.size(), result.created(), manifest.size() - result.created());
    }

    /**
     * Journals each resource as soon as it exists: when another creation then fails, the step fails, yet uninstall
     * must still know these are this install's (a resumed run finds them and reports them as reused).
     */
    static Provisioner.CreationListener journal(InstallSession session) {
        return new Provisioner.CreationListener() {
            @Override
            public void kvCreated(ProvisionResult.KvResult k) {
                session.update(c -> c.withJournalEntry(new JournalEntry(JournalEntry.Kind.KV_NAMESPACE, k.title(), k.id().orElseThrow(), Instant.now())));
            }

            @Override
            public void r2Created(ProvisionResult.R2Result b) {
                session.update(c -> c.withJournalEntry(new JournalEntry(JournalEntry.Kind.R2_BUCKET, b.name(), b.name(), Instant.now())));
            }
        };
    }

    /** Adds the ids to the config and the created ones to the journal. */
    static void record(InstallSession session, ProvisionResult result) {
        Instant now = Instant.now();
        session.update(c -> {
            Map<String, String> kv = new LinkedHashMap<>(c.resources().kv());
            Map<String, String> r2 = new LinkedHashMap<>(c.resources().r2());
            var next = c;
            for (ProvisionResult.KvResult k : result.kv()) {
                String id = k.id().orElseThrow();
                kv.put(k.binding(), id);
                if (k.action() == ProvisionResult.Action.CREATED) {
                    next = next.withJournalEntry(new JournalEntry(JournalEntry.Kind.KV_NAMESPACE, k.title(), id, now));
                }
            }
            for (ProvisionResult.R2Result b : result.r2()) {
                r2.put(b.binding(), b.name());
                if (b.action() == ProvisionResult.Action.CREATED) {
                    next = next.withJournalEntry(new JournalEntry(JournalEntry.Kind.R2_BUCKET, b.name(), b.name(), now));
                }
            }
            return next.withResources(new Resources(kv, r2, c.resources().subdomain(), session.prefix()));
        });
    }
}
