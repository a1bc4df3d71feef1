package dev.arcrun.core.engineclient;

import dev.arcrun.sdk.*;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import java.nio.file.Path;

/**
 * The real engine in real workerd for a test class: a bare local start (no keys) in the class's own app folder,
 * registered once so the test has its keys. Stopped in {@link #close()}.
 */
final class RealEngine implements AutoCloseable {
    final LocalEngine local;
    final LocalStatus.Running running;
    final Registration keys;
    /** What a keyed call got from the bare engine, before {@code /register} gave it keys. */
    final RuntimeException beforeRegister;

    RealEngine(Path home) {
        local = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        LocalStatus.Running started = null;
        Registration registered = null;
        RuntimeException bare = null;
        try {
            started = local.start(LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
            try (EngineClient early = EngineClient.create(settings(started.url(), Secret.of("arc_early"), null))) {
                early.workflows().list();
            } catch (RuntimeException e) {
                bare = e;
            }
            registered = EngineClient.create(settings(started.url(), null, null)).register();
        } catch (RuntimeException e) {
            local.stop();
            throw e;
        }
        running = started;
        keys = registered;
        beforeRegister = bare;
    }

    static EngineSettings settings(String url, Secret apiKey, Secret encryptionKey) {
        return new EngineSettings(EngineSettings.parseUrl(url), apiKey, encryptionKey);
    }

    String url() {
        return running.url();
    }

    EngineClient client() {
        return EngineClient.create(settings(url(), keys.apiKey(), keys.encryptionKey()));
    }

    @Override
    public void close() {
        local.stop();
    }
}
