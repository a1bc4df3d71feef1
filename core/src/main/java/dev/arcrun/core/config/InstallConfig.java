package dev.arcrun.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything arcrun remembers about one install, saved as {@code installs/<name>/config.yaml}. Holds no secret:
 * the api key, encryption key and Cloudflare token live in the {@link SecretStore}. Immutable; the {@code with…}
 * methods return changed copies.
 *
 * @param schema         format version of this file, for future migrations
 * @param engineUrl      where the engine answers (workers.dev URL, or the loopback URL of the local target)
 * @param accountId      the Cloudflare account (null for the local target)
 * @param bundle         the bundle now deployed (null before the first deploy)
 * @param previousBundle the one before it, which rollback redeploys
 * @param journal        what this install created, which uninstall deletes
 * @param steps          pipeline step state by step name, in run order
 * @param history        installed / updated / rolled back, oldest first
 */
public record InstallConfig(
        int schema,
        String name,
        Target target,
        String engineUrl,
        String accountId,
        Resources resources,
        DeployedBundle bundle,
        DeployedBundle previousBundle,
        List<JournalEntry> journal,
        Map<String, StepState> steps,
        List<HistoryEvent> history) {

    public static final int SCHEMA = 1;

    public InstallConfig {
        InstallName.require(name);
        Objects.requireNonNull(target, "target");
        schema = schema == 0 ? SCHEMA : schema;
        resources = resources == null ? Resources.NONE : resources;
        journal = journal == null ? List.of() : List.copyOf(journal);
        steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new install that has done nothing yet. */
    public static InstallConfig create(String name, Target target) {
        return new InstallConfig(SCHEMA, name, target, null, null, Resources.NONE, null, null, null, null, null);
    }

    public InstallConfig withEngineUrl(String url) {
        return new InstallConfig(schema, name, target, url, accountId, resources, bundle, previousBundle, journal, steps, history);
    }

    public InstallConfig withAccountId(String id) {
        return new InstallConfig(schema, name, target, engineUrl, id, resources, bundle, previousBundle, journal, steps, history);
    }

    public InstallConfig withResources(Resources r) {
        return new InstallConfig(schema, name, target, engineUrl, accountId, r, bundle, previousBundle, journal, steps, history);
    }

    /** Records a new deploy; the bundle deployed until now becomes the rollback target (unless it is the same). */
    public InstallConfig withDeployedBundle(DeployedBundle deployed) {
        DeployedBundle previous = bundle == null || sameBuild(bundle, deployed) ? previousBundle : bundle;
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, deployed, previous, journal, steps, history);
    }

    /** After a rollback: the previous bundle is deployed and the one rolled back from becomes the previous one. */
    public InstallConfig rolledBack(DeployedBundle redeployed) {
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, redeployed, bundle, journal, steps, history);
    }

    /** Adds a created thing to the journal; recording the same thing twice (a resumed step) keeps one entry. */
    public InstallConfig withJournalEntry(JournalEntry entry) {
        List<JournalEntry> next = new ArrayList<>(journal);
        next.removeIf(e -> e.sameThing(entry));
        next.add(entry);
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, next, steps, history);
    }

    /** Drops a journal entry once uninstall has deleted the thing, so a resumed uninstall does not try again. */
    public InstallConfig withoutJournalEntry(JournalEntry.Kind kind, String thing) {
        List<JournalEntry> next = new ArrayList<>(journal);
        next.removeIf(e -> e.kind() == kind && e.name().equals(thing));
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, next, steps, history);
    }

    public InstallConfig withStep(String step, StepState state) {
        Map<String, StepState> next = new LinkedHashMap<>(steps);
        next.put(step, state);
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, journal, next, history);
    }

    /** Forgets these steps' state, so a resumed run does them again. */
    public InstallConfig withoutSteps(Collection<String> names) {
        Map<String, StepState> next = new LinkedHashMap<>(steps);
        next.keySet().removeAll(names);
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, journal, next, history);
    }

    /** Forgets all step state, for the next pipeline run (update, rollback) that starts from the beginning. */
    public InstallConfig withoutSteps() {
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, journal, Map.of(), history);
    }

    public InstallConfig withHistory(HistoryEvent event) {
        List<HistoryEvent> next = new ArrayList<>(history);
        next.add(event);
        return new InstallConfig(schema, name, target, engineUrl, accountId, resources, bundle, previousBundle, journal, steps, next);
    }

    /** Names of the steps that finished (succeeded or skipped), for resume. */
    public Set<String> finishedSteps() {
        Set<String> done = new LinkedHashSet<>();
        steps.forEach((step, state) -> {
            if (state.status().finished()) {
                done.add(step);
            }
        });
        return done;
    }

    private static boolean sameBuild(DeployedBundle a, DeployedBundle b) {
        return Objects.equals(a.version(), b.version()) && Objects.equals(a.sha256(), b.sha256());
    }
}
