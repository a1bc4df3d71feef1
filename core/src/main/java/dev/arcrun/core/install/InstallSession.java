package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.Bundle;
import dev.arcrun.core.bundle.BundleDiscovery;
import dev.arcrun.core.cloudflare.ApiToken;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import dev.arcrun.core.cloudflare.TokenSource;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.StepDetail;
import dev.arcrun.core.config.StepState;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import dev.arcrun.core.local.LocalEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything the steps of one pipeline run share: the app folder, the install's config (saved after every change),
 * its secrets, and the services, created when first needed so a step that is skipped costs nothing.
 */
public final class InstallSession implements AutoCloseable {
    private final AppHome home;
    private final InstallOptions options;
    private final InstallConfigStore store;
    private final SecretStore secrets;
    private final ToolchainManager toolchains;
    private final Map<String, String> env;
    private final Cancellation cancellation = new Cancellation();
    private final Map<StepId, StepDetail> stepDetails = new EnumMap<>(StepId.class);
    private CloudflareClient.Options cloudflareOptions = CloudflareClient.Options.defaults();

    private InstallConfig config;
    private Map<String, StepState> earlierRun = Map.of();
    private CloudflareClient cloudflare;
    private ApiToken token;
    private Toolchain toolchain;
    private Bundle bundle;

    public InstallSession(AppHome home, InstallOptions options, InstallConfigStore store, SecretStore secrets,
                          ToolchainManager toolchains, Map<String, String> env, InstallConfig config) {
        this.home = home;
        this.options = options;
        this.store = store;
        this.secrets = secrets;
        this.toolchains = toolchains;
        this.env = Map.copyOf(env);
        this.config = config;
    }

    public AppHome home() { return home; }

    public InstallOptions options() { return options; }

    public SecretStore secrets() { return secrets; }

    public Cancellation cancellation() { return cancellation; }

    public InstallConfig config() { return config; }

    /**
     * The prefix of this install's resource titles and worker names: the one recorded at its first provisioning, so
     * an update, rollback or resume keeps it; else the one asked for.
     */
    public String prefix() {
        String recorded = config.resources().prefix();
        return recorded != null ? recorded : options.prefix();
    }

    /** Tests tune retries and sleeps of the Cloudflare client through this. */
    public void cloudflareOptions(CloudflareClient.Options o) { this.cloudflareOptions = o; }

    /** Told each time Cloudflare asks the client to wait (429): the run reports it as the running step's progress. */
    private Consumer<Note> cloudflareWaits = note -> { };

    void cloudflareWaits(Consumer<Note> waits) { this.cloudflareWaits = waits; }

    /**
     * How long the final check waits for a new Cloudflare engine to answer; zero (the default) asks once. The CLI
     * waits {@link #DEFAULT_CHECK_WAIT} unless told {@code --no-wait}.
     */
    private java.time.Duration checkWait = java.time.Duration.ZERO;
    public static final java.time.Duration DEFAULT_CHECK_WAIT = java.time.Duration.ofSeconds(90);

    public void checkWait(java.time.Duration wait) { this.checkWait = wait; }

    java.time.Duration checkWait() { return checkWait; }

    /** Changes the config and saves it at once (atomically), so a crash loses at most the step in progress. */
    public synchronized InstallConfig update(UnaryOperator<InstallConfig> change) {
        config = change.apply(config);
        if (!options.dryRun()) {
            store.save(config);
        }
        return config;
    }

    void detail(StepId step, StepDetail detail) { stepDetails.put(step, detail); }

    void markFinished(StepId step, StepState.Status status) {
        update(c -> c.withStep(step.name(), new StepState(status, Instant.now(), stepDetails.get(step))));
    }

    /** The step states of the run before this one, for steps that skip work already done (seeding). */
    void earlierRun(Map<String, StepState> steps) { this.earlierRun = Map.copyOf(steps); }

    Optional<StepDetail> earlierDetail(StepId step) {
        StepState s = earlierRun.get(step.name());
        return s == null || !s.status().finished() ? Optional.empty() : Optional.ofNullable(s.detail());
    }

    Optional<StepDetail> finishedDetail(StepId step) {
        StepState s = config.steps().get(step.name());
        return s == null ? Optional.empty() : Optional.ofNullable(s.detail());
    }

    // ---- Cloudflare

    /** The token from the environment or token file, else the one saved with this install. */
    public synchronized ApiToken token() {
        if (token == null) {
            Map<String, String> e = new HashMap<>(env);
            if (options.tokenFile().isEmpty() && isBlank(e.get(TokenSource.ENV))) {
                secrets.get(config.name(), SecretKind.CLOUDFLARE_TOKEN).ifPresent(t -> e.put(TokenSource.ENV, t));
            }
            token = TokenSource.resolve(options.tokenFile(), e);
        }
        return token;
    }

    public synchronized CloudflareClient cloudflare() {
        if (cloudflare == null) {
            Map<String, String> e = new HashMap<>(env);
            e.put(TokenSource.ENV, token().secretValue());
            CloudflareSettings settings = CloudflareSettings.resolve(apiBase(), Optional.empty(), accountFlag(), e);
            Consumer<Note> tuned = cloudflareOptions.waits();
            cloudflare = new CloudflareClient(settings, cloudflareOptions.withWaits(note -> {
                tuned.accept(note);
                cloudflareWaits.accept(note);
            }));
        }
        return cloudflare;
    }

    /** The API base URL given by flag or environment; empty means Cloudflare's own. */
    public Optional<String> apiBase() {
        return options.apiBase().or(() -> Optional.ofNullable(env.get(CloudflareSettings.API_BASE_ENV)).filter(s -> !s.isBlank()));
    }

    private Optional<String> accountFlag() {
        return options.accountId().or(() -> Optional.ofNullable(config.accountId()));
    }

    public String accountId() {
        String id = config.accountId();
        if (id == null) {
            throw new IllegalStateException("the account is not known yet (the verify step sets it)");
        }
        return id;
    }

    // ---- tools, bundles, engine

    public synchronized Toolchain toolchain(LogListener npmLines) {
        return toolchain(npmLines, e -> { });
    }

    /** As {@link #toolchain(LogListener)}, with the progress of the Node.js and npm downloads when it bootstraps them. */
    public synchronized Toolchain toolchain(LogListener npmLines, Consumer<dev.arcrun.core.bundle.DownloadEvent> downloads) {
        if (toolchain == null) {
            toolchain = toolchains.ensure(npmLines, downloads, cancellation);
        }
        return toolchain;
    }

    public ToolchainManager toolchains() { return toolchains; }

    /** This install's own engine on this computer (its folder, data and state are its alone). */
    public LocalEngine localEngine() { return new LocalEngine(home, toolchains, config.name()); }

    /** The keys the engine of this install runs with, from the secret store; empty when either is missing. */
    public Optional<LocalEngine.Keys> engineKeys() {
        Optional<String> api = secrets.get(config.name(), SecretKind.API_KEY);
        Optional<String> enc = secrets.get(config.name(), SecretKind.ENCRYPTION_KEY);
        if (api.isEmpty() || enc.isEmpty()) return Optional.empty();
        return Optional.of(new LocalEngine.Keys(Secret.of(api.get()), Secret.of(enc.get())));
    }

    /** Where the bundle with this sha256 is unpacked; kept after deploy so rollback can redeploy it. */
    public Path bundleDir(String sha256) {
        return store.folder(config.name()).resolve("bundles").resolve(sha256.substring(0, 16));
    }

    /** The bundle this run fetched (or an earlier run of a resumed install). */
    public synchronized Bundle bundle() {
        if (bundle == null) {
            String sha = fetchedSha().orElseThrow(() -> new IllegalStateException("no bundle fetched yet"));
            Path dir = bundleDir(sha);
            if (!Files.isDirectory(dir)) {
                throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_MISSING, dir),
                        Advice.of(Advice.Code.INSTALL_FRESH));
            }
            bundle = BundleDiscovery.discover(dir);
        }
        return bundle;
    }

    synchronized void bundle(Bundle b) { this.bundle = b; }

    public Optional<String> fetchedSha() {
        return Optional.ofNullable(stepDetails.get(StepId.FETCH)).or(() -> finishedDetail(StepId.FETCH))
                .map(StepDetail::sha256);
    }

    /** A client for the engine of this install, with its keys from the secret store. */
    public EngineClient engine() {
        String url = config.engineUrl();
        if (url == null) {
            throw new IllegalStateException("the engine URL is not known yet");
        }
        return EngineClient.create(new EngineSettings(EngineSettings.parseUrl(url),
                secrets.get(config.name(), SecretKind.API_KEY).map(Secret::of).orElse(null),
                secrets.get(config.name(), SecretKind.ENCRYPTION_KEY).map(Secret::of).orElse(null)));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void close() {
        if (cloudflare != null) {
            cloudflare.close();
        }
    }
}
