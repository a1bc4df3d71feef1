package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * For view-model tests: a synchronous executor, English strings, and a connection to an address where nothing
 * listens. A validation that failed to stop a command would show up as "cannot reach the engine" instead of its
 * own message, so these tests fail when a check is skipped.
 */
final class ViewModelFixture {
    static final I18n I18N = new I18n(Locale.ENGLISH);
    static final CurrentThreadTaskExecutor EXECUTOR = new CurrentThreadTaskExecutor();
    /** Port 9 (discard) on loopback: nothing answers there. */
    static final String NOWHERE = "http://127.0.0.1:9";

    private ViewModelFixture() {}

    static ReadOnlyObjectWrapper<Connection> connectedNowhere() {
        InstallConfig config = InstallConfig.create("local", Target.LOCAL).withEngineUrl(NOWHERE);
        EngineClient client = EngineClient.create(new EngineSettings(EngineSettings.parseUrl(NOWHERE),
                Secret.of("test-api-key"), Secret.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        return new ReadOnlyObjectWrapper<>(new Connection(config, client));
    }

    static AppContext context(Path root) {
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "test");
        return new AppContext(home, EXECUTOR, Runnable::run, I18N, () -> secrets, ToolchainManager::forTests, Map.of());
    }
}
