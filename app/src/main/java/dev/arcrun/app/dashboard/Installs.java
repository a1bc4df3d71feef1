package dev.arcrun.app.dashboard;

import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.core.engineclient.EngineSettingsResolver;
import dev.arcrun.core.engineclient.EngineSettingsResolver.Explicit;
import dev.arcrun.core.engineclient.EngineSettingsResolver.InstallSource;
import dev.arcrun.sdk.Health;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.Uninstaller;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The installs on this computer and how to reach their engines. Every method does I/O (config files, keychain,
 * network), so view models call them only through the task executor.
 */
public final class Installs {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    private final AppContext context;

    public Installs(AppContext context) {
        this.context = context;
    }

    public List<String> names() {
        return store().names();
    }

    public InstallConfig load(String name) {
        return store().load(name);
    }

    /**
     * A client for the install's engine. The environment is not consulted: the user picked this install, so an
     * {@code ARCRUN_API_URL} meant for the CLI must not send the dashboard to another engine.
     */
    public EngineClient connect(InstallConfig config) {
        return EngineClient.create(EngineSettingsResolver.resolve(Explicit.NONE, Map.of(),
                () -> InstallSource.of(config, context.secrets().get())));
    }

    /** {@code GET /health} with a short timeout and no keys: a stopped engine is reported quickly. */
    public Health health(InstallConfig config) {
        try (EngineClient probe = new EngineClient(new EngineSettings(EngineSettings.parseUrl(config.engineUrl()), null, null),
                HEALTH_TIMEOUT, HEALTH_TIMEOUT)) {
            return probe.health();
        }
    }

    /** The engine an update from {@code source} would deploy (fetched to look at, then forgotten). */
    UpdateCandidate candidate(String source) {
        return UpdateCandidate.look(context.home(), source);
    }

    public Installer installer() {
        return context.installer();
    }

    public Uninstaller uninstaller() {
        return new Uninstaller(context.home(), context.secrets().get(), context.env());
    }

    private InstallConfigStore store() {
        return new InstallConfigStore(context.home());
    }
}
