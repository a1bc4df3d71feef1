package dev.arcrun.core.engineclient;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import java.nio.file.Path;

/**
 * The real engine in real workerd for a test class, in the class's own app folder, started with new keys as an
 * install starts it. Stopped in {@link #close()}.
 */
final class RealEngine implements AutoCloseable {
    final LocalEngine local;
    final LocalStatus.Running running;
    final LocalEngine.Keys keys = LocalEngine.Keys.generate();

    RealEngine(Path home) {
        local = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        try {
            running = local.start(null, keys, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        } catch (RuntimeException e) {
            local.stop();
            throw e;
        }
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
