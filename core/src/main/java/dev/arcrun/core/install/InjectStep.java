package dev.arcrun.core.install;

import dev.arcrun.core.bundle.BundleDiscovery;
import dev.arcrun.core.bundle.ConfigInjector;
import dev.arcrun.core.bundle.InjectionValues;
import dev.arcrun.core.bundle.ProvisionedResources;
import dev.arcrun.core.bundle.Worker;
import dev.arcrun.core.config.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the real resource ids into every worker's generated config ({@link ConfigInjector#GENERATED}, the one
 * wrangler is given; the bundle's own files stay as they came), and for Cloudflare the install's worker names
 * (see {@link WorkerNames}) with the service bindings that point at them. For this computer the ids are stable names
 * (workerd keys its local storage by them), so data survives restarts.
 */
final class InjectStep implements InstallStep {
    private final InstallSession session;

    InjectStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.INJECT; }

    @Override
    public StepResult run(StepReporter reporter) {
        var bundle = session.bundle();
        InjectionValues values;
        if (session.config().target() == Target.LOCAL) {
            Map<String, String> kv = new LinkedHashMap<>();
            Map<String, String> r2 = new LinkedHashMap<>();
            for (Worker w : bundle.workers()) {
                w.kv().forEach(b -> kv.put(b, "local-" + DiscoverStep.slug(b)));
                w.r2().forEach(b -> r2.put(b, "local-" + DiscoverStep.slug(b)));
            }
            values = new InjectionValues(kv, r2, Map.of());
        } else {
            var res = session.config().resources();
            Map<String, String> vars = res.subdomain() == null ? Map.of() : Map.of(ProvisionedResources.SUBDOMAIN_VAR, res.subdomain());
            values = new InjectionValues(res.kv(), res.r2(), vars, WorkerNames.renames(bundle, session.prefix()));
        }
        var injected = ConfigInjector.injectAll(bundle, values);
        // Later steps deploy, journal and address the workers by the names now in their configs.
        session.bundle(BundleDiscovery.discover(bundle.root()));
        long changed = injected.stream().filter(ConfigInjector.Injected::changed).count();
        return StepResult.done(Note.Code.INJECTED, injected.size(), changed);
    }
}
