package dev.arcrun.core.install;

import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.Worker;
import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.core.config.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists the bundle's workers in deploy order and, for Cloudflare, creates any KV namespace or bucket a worker binds
 * that the standard manifest lacked (a newer engine may bind more than this app knows about).
 */
final class DiscoverStep implements InstallStep {
    private final InstallSession session;

    DiscoverStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.DISCOVER; }

    @Override
    public StepResult run(StepReporter reporter) {
        Bundle bundle = session.bundle();
        String order = bundle.tiers().stream()
                .map(t -> t.stream().map(Worker::name).collect(Collectors.joining(" + ")))
                .collect(Collectors.joining(" → "));
        if (session.config().target() == Target.LOCAL) {
            return StepResult.done(Note.Code.DISCOVERED, order);
        }
        Set<String> kvMissing = new LinkedHashSet<>();
        Set<String> r2Missing = new LinkedHashSet<>();
        for (Worker w : bundle.workers()) {
            w.kv().stream().filter(b -> !session.config().resources().kv().containsKey(b)).forEach(kvMissing::add);
            w.r2().stream().filter(b -> !session.config().resources().r2().containsKey(b)).forEach(r2Missing::add);
        }
        if (kvMissing.isEmpty() && r2Missing.isEmpty()) {
            return StepResult.done(Note.Code.DISCOVERED_ALL_BOUND, order);
        }
        String prefix = session.prefix();
        List<ResourceManifest.Kv> kv = new ArrayList<>();
        kvMissing.forEach(b -> kv.add(new ResourceManifest.Kv(b, prefix + slug(b))));
        List<ResourceManifest.R2> r2 = new ArrayList<>();
        r2Missing.forEach(b -> r2.add(new ResourceManifest.R2(b, prefix + slug(b))));
        ProvisionResult extra = new Provisioner(session.cloudflare())
                .ensure(session.accountId(), new ResourceManifest(prefix, kv, r2), false, ProvisionStep.journal(session));
        ProvisionStep.record(session, extra);
        List<String> added = new ArrayList<>(kvMissing);
        added.addAll(r2Missing);
        return StepResult.done(Note.Code.DISCOVERED_ADDED, order, added);
    }

    /** CREDENTIALS_V2 → credentials-v2, the way the standard titles are written. */
    static String slug(String binding) {
        return binding.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
