package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

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
        if (seeds.sha256().equals(session.finishedDetail(id()).or(() -> session.earlierDetail(id()))
                .map(dev.arcrun.core.config.StepDetail::sha256).orElse(""))) {
            session.detail(id(), dev.arcrun.core.config.StepDetail.seeds(seeds.sha256()));
            return StepResult.skipped(Note.Code.SEEDS_LOADED, seeds.counts());
        }
        if (session.config().target() == Target.CLOUDFLARE) {
            seedKv(seeds, reporter);
        } else {
            seedEngine(seeds, reporter);
        }
        session.detail(id(), dev.arcrun.core.config.StepDetail.seeds(seeds.sha256()));
        return StepResult.done(Note.Code.SEEDED, seeds.counts());
    }

    private void seedKv(SeedSet seeds, StepReporter reporter) {
        Map<String, List<KvPair>> byBinding = new LinkedHashMap<>();
        for (SeedSet.Seed s : seeds.seeds()) {
            byBinding.computeIfAbsent(s.binding(), b -> new ArrayList<>()).add(KvPair.text(s.key(), json(s)));
        }
        for (var e : byBinding.entrySet()) {
            String ns = session.config().resources().kv().get(e.getKey());
            if (ns == null) {
                throw new UserFacingException(Failure.of(Failure.Code.SEED_NO_NAMESPACE, e.getKey()),
                        Advice.of(Advice.Code.INSTALL_FRESH));
            }
            reporter.progress(-1, Note.Code.SEED_WRITING, e.getValue().size(), e.getKey());
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
            reporter.progress((double) ++done / seeds.seeds().size(), Note.Code.SEED_ITEM, s.kind(), s.id());
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
