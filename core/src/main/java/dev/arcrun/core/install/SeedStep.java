package dev.arcrun.core.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.KvPair;
import dev.arcrun.core.config.Target;
import dev.arcrun.sdk.EngineClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the bundle's recipes and component contracts: straight into KV through the Cloudflare API for a Cloudflare
 * install, through the engine's own API on this computer. Skipped when the same seeds were already loaded.
 */
final class SeedStep implements InstallStep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstallSession session;

    SeedStep(InstallSession session) { this.session = session; }

    @Override public StepId id() { return StepId.SEED; }

    @Override
    public StepResult run(StepReporter reporter) {
        SeedSet seeds = SeedSet.of(session.bundle());
        if (seeds.sha256().equals(session.finishedDetail(id()).or(() -> session.earlierDetail(id())).orElse(""))) {
            session.detail(id(), seeds.sha256());
            return StepResult.skipped("the same " + seeds.describe() + " are already loaded");
        }
        if (session.config().target() == Target.CLOUDFLARE) {
            seedKv(seeds, reporter);
        } else {
            seedEngine(seeds, reporter);
        }
        session.detail(id(), seeds.sha256());
        return StepResult.done(seeds.describe());
    }

    private void seedKv(SeedSet seeds, StepReporter reporter) {
        Map<String, List<KvPair>> byBinding = new LinkedHashMap<>();
        for (SeedSet.Seed s : seeds.seeds()) {
            byBinding.computeIfAbsent(s.binding(), b -> new ArrayList<>()).add(KvPair.text(s.key(), json(s)));
        }
        for (var e : byBinding.entrySet()) {
            String ns = session.config().resources().kv().get(e.getKey());
            if (ns == null) {
                throw new UserFacingException("There is no KV namespace for " + e.getKey() + " to seed.",
                        "Run the install again without --resume so the namespaces are checked again.");
            }
            reporter.progress(-1, "Writing " + e.getValue().size() + " entries to " + e.getKey());
            session.cloudflare().kvBulkWrite(session.accountId(), ns, e.getValue());
        }
    }

    private void seedEngine(SeedSet seeds, StepReporter reporter) {
        EngineClient engine = session.engine();
        int done = 0;
        for (SeedSet.Seed s : seeds.seeds()) {
            switch (s.kind()) {
                case "auth_recipe" -> engine.services().put(s.id(), s.document());
                case "api_recipe" -> engine.putApiRecipe(s.id(), s.document());
                default -> { } // component contracts are compiled into the engine's registry
            }
            reporter.progress((double) ++done / seeds.seeds().size(), s.kind() + " " + s.id());
        }
    }

    private static String json(SeedSet.Seed s) {
        try {
            return JSON.writeValueAsString(s.document());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
