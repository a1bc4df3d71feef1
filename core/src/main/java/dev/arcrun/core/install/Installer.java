package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.HistoryEvent;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.StepState;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one install pipeline both faces drive: install, update and rollback are the same steps over different
 * bundles. State is saved after every step, so a failed or killed run resumes where it stopped.
 */
public final class Installer {
    private final AppHome home;
    private final InstallConfigStore store;
    private final SecretStore secrets;
    private final ToolchainManager toolchains;
    private final Map<String, String> env;
    private Consumer<InstallSession> sessionTuning = s -> { };

    public Installer(AppHome home, SecretStore secrets, ToolchainManager toolchains, Map<String, String> env) {
        this.home = home;
        this.store = new InstallConfigStore(home);
        this.secrets = secrets;
        this.toolchains = toolchains;
        this.env = Map.copyOf(env);
    }

    /** Lets tests shorten retry waits of the session's Cloudflare client. */
    public Installer tuning(Consumer<InstallSession> tuning) {
        this.sessionTuning = tuning;
        return this;
    }

    public InstallConfigStore store() {
        return store;
    }

    /** The steps an install to {@code target} runs, in order (for progress displays). */
    public static List<StepId> plan(Target target, Mode mode) {
        List<StepId> ids = new ArrayList<>();
        ids.add(StepId.TOOLCHAIN);
        if (target == Target.CLOUDFLARE) {
            ids.add(StepId.VERIFY);
            if (mode == Mode.INSTALL) {
                ids.addAll(List.of(StepId.PROVISION, StepId.SUBDOMAIN));
            }
        }
        ids.addAll(List.of(StepId.FETCH, StepId.DISCOVER, StepId.INJECT));
        if (target == Target.CLOUDFLARE) {
            ids.addAll(List.of(StepId.KEYS, StepId.DEPLOY));
        } else {
            // The installer makes the keys on both targets: the engine starts with them, /register is never needed.
            ids.addAll(List.of(StepId.KEYS, StepId.START));
        }
        ids.addAll(List.of(StepId.SEED, StepId.CONFIG, StepId.CHECK));
        return ids;
    }

    public enum Mode { INSTALL, UPDATE, ROLLBACK }

    /**
     * The step an unfinished install stopped at: the first one of its install plan that has not finished. Empty for
     * an install that has finished (it has a deployed bundle).
     */
    public static Optional<StepId> stoppedAt(InstallConfig config) {
        if (config.bundle() != null) {
            return Optional.empty();
        }
        Set<String> done = config.finishedSteps();
        return plan(config.target(), Mode.INSTALL).stream().filter(id -> !done.contains(id.name())).findFirst()
                .or(() -> Optional.of(StepId.CONFIG));
    }

    /** A runnable pipeline; {@link #cancel()} may be called from another thread. */
    public final class Run {
        private final InstallSession session;
        private final List<InstallStep> steps;
        private final Pipeline pipeline;
        private final boolean resume;

        private Run(InstallSession session, List<InstallStep> steps, InstallListener listener, boolean resume) {
            this.session = session;
            this.steps = steps;
            // Cloudflare's "wait" (429) comes from the shared client, not from a step: it is shown as the progress of
            // whichever step is running, so a long wait never looks like a hang.
            java.util.concurrent.atomic.AtomicReference<StepId> running = new java.util.concurrent.atomic.AtomicReference<>();
            InstallListener tracking = event -> {
                if (event instanceof InstallEvent.Started s) {
                    running.set(s.step());
                }
                listener.on(event);
            };
            session.cloudflareWaits(note -> {
                StepId step = running.get();
                if (step != null) {
                    tracking.on(new InstallEvent.Progress(step, -1, note));
                }
            });
            this.pipeline = new Pipeline(tracking);
            this.resume = resume;
        }

        public List<StepId> steps() {
            return steps.stream().map(InstallStep::id).toList();
        }

        public String installName() {
            return session.config().name();
        }

        public PipelineOutcome execute() {
            try (session) {
                return pipeline.run(steps, new Pipeline.StepJournal() {
                    @Override
                    public Set<StepId> finished() {
                        Set<StepId> done = EnumSet.noneOf(StepId.class);
                        if (resume) {
                            // A step an older version had (REGISTER) is simply not one of ours any more.
                            session.config().finishedSteps().forEach(n -> StepId.parse(n).ifPresent(done::add));
                            if (session.config().target() == Target.LOCAL) {
                                // What these found may have changed since (keys deleted, engine stopped): "ready"
                                // after a resume must be true now, so they check again (each is cheap when all is well).
                                done.removeAll(EnumSet.of(StepId.KEYS, StepId.START, StepId.CHECK));
                            }
                        }
                        return done;
                    }

                    @Override
                    public void markFinished(StepId step, boolean skipped) {
                        session.markFinished(step, skipped ? StepState.Status.SKIPPED : StepState.Status.SUCCEEDED);
                    }
                }, () -> session.config().engineUrl());
            }
        }

        public void cancel() {
            pipeline.cancel();
            session.cancellation().cancel();
        }
    }

    public Run install(InstallOptions options, InstallListener listener) {
        var existing = store.find(options.name());
        if (options.resume() && existing.isEmpty()) {
            throw new UserFacingException(Failure.of(Failure.Code.NOTHING_TO_RESUME, options.name()),
                    Advice.of(Advice.Code.INSTALL_FRESH));
        }
        existing.filter(c -> c.target() != options.target()).ifPresent(c -> {
            throw new UserFacingException(Failure.of(Failure.Code.TARGET_MISMATCH, c.name(), c.target(), options.target()),
                    Advice.of(Advice.Code.OTHER_NAME));
        });
        InstallConfig config = existing.map(c -> options.resume() ? c : c.withoutSteps())
                .orElseGet(() -> InstallConfig.create(options.name(), options.target()));
        StepState fetched = config.steps().get(StepId.FETCH.name());
        if (options.resume() && fetched != null && fetched.status().finished() && FetchStep.changedSince(fetched.detail(), options.source())) {
            // A fixed or different engine: fetch it and redo every step after the fetch; the ones before stay done.
            config = config.withoutSteps(java.util.Arrays.stream(StepId.values())
                    .filter(id -> id.ordinal() >= StepId.FETCH.ordinal()).map(StepId::name).toList());
        }
        Run run = run(options, config, Mode.INSTALL, listener);
        existing.ifPresent(c -> run.session.earlierRun(c.steps()));
        if (options.target() == Target.CLOUDFLARE) {
            run.session.token(); // no token at all: say so now, not after the toolchain install
        }
        return run;
    }

    /**
     * The resume rule both faces follow: a resume continues a saved install; when the first try stopped before
     * anything was saved (e.g. at the token check) there is nothing to resume and the install starts afresh.
     */
    public InstallOptions resumeIfSaved(InstallOptions options) {
        return options.withResume(options.resume() && store.find(options.name()).isPresent());
    }

    /** Where the last fetch of this install's engine came from, for a {@code --resume} that names no source. */
    public Optional<String> fetchedSource(String name) {
        return store.find(name).map(c -> c.steps().get(StepId.FETCH.name())).flatMap(s -> FetchStep.sourceOf(s.detail()));
    }

    /** Fetches the bundle again (the same source unless another is given) and redeploys it with the same ids and keys. */
    public Run update(String name, String source, InstallListener listener) {
        InstallConfig config = store.load(name);
        if (config.bundle() == null) {
            throw new UserFacingException(Failure.of(Failure.Code.NOTHING_TO_UPDATE, name),
                    Advice.of(Advice.Code.FINISH_INSTALL, config.target(), name));
        }
        String from = source == null || source.isBlank() ? config.bundle().source() : source;
        Run run = run(optionsFor(config, from), config.withoutSteps(), Mode.UPDATE, listener);
        run.session.earlierRun(config.steps());
        return run;
    }

    /**
     * Refuses a rollback with nothing older to go to. Only one earlier engine is kept, so after a rollback the
     * "previous" engine is the newer one just left: a second rollback would be an update in disguise.
     */
    public static void checkRollback(InstallConfig config) {
        if (config.bundle() == null || config.previousBundle() == null) {
            throw new UserFacingException(Failure.of(Failure.Code.NO_EARLIER_ENGINE, config.name()),
                    Advice.of(Advice.Code.ROLLBACK_AFTER_UPDATE));
        }
        if (!config.history().isEmpty() && config.history().getLast().kind() == HistoryEvent.Kind.ROLLED_BACK) {
            throw new UserFacingException(Failure.of(Failure.Code.OLDEST_ENGINE, config.name(), config.bundle().version()),
                    Advice.of(Advice.Code.UPDATE_FORWARD, config.previousBundle().source(), config.name()));
        }
    }

    /** Redeploys the bundle that was deployed before the current one. */
    public Run rollback(String name, InstallListener listener) {
        InstallConfig config = store.load(name);
        checkRollback(config);
        return run(optionsFor(config, config.previousBundle().source()), config.withoutSteps(), Mode.ROLLBACK, listener);
    }

    private InstallOptions optionsFor(InstallConfig config, String source) {
        return new InstallOptions(config.target(), config.name(), source, config.resources().prefix(), null, null,
                java.util.Optional.ofNullable(config.accountId()), false, false);
    }

    private Run run(InstallOptions options, InstallConfig config, Mode mode, InstallListener listener) {
        home.secureRoot();
        InstallSession session = new InstallSession(home, options, store, secrets, toolchains, env, config);
        sessionTuning.accept(session);
        List<InstallStep> steps = new ArrayList<>();
        for (StepId id : plan(options.target(), mode)) {
            steps.add(step(session, id, mode));
        }
        return new Run(session, steps, listener, options.resume());
    }

    private static InstallStep step(InstallSession s, StepId id, Mode mode) {
        return switch (id) {
            case TOOLCHAIN -> new ToolchainStep(s);
            case VERIFY -> new VerifyStep(s);
            case PROVISION -> new ProvisionStep(s);
            case SUBDOMAIN -> new SubdomainStep(s);
            case FETCH -> mode == Mode.ROLLBACK ? new ReuseBundleStep(s, s.config().previousBundle()) : new FetchStep(s, s.options().source());
            case DISCOVER -> new DiscoverStep(s);
            case INJECT -> new InjectStep(s);
            case KEYS -> new KeysStep(s);
            case DEPLOY -> new DeployStep(s);
            case START -> new LocalStartStep(s);
            case SEED -> new SeedStep(s);
            case CONFIG -> new SaveConfigStep(s, mode == Mode.ROLLBACK ? HistoryEvent.Kind.ROLLED_BACK : HistoryEvent.Kind.UPDATED);
            case CHECK -> new CheckStep(s);
        };
    }
}
