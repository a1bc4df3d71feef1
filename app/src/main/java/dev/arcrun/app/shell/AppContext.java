package dev.arcrun.app.shell;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every page shares, built once by the app and replaced in tests: the app folder, the one task executor, the
 * FX thread as an {@link Executor} (direct in tests), the strings, and the core services' inputs.
 *
 * @param activities the long operations running now, so closing the window can ask first
 * @param secrets opened on first use: probing the OS keychain may take a moment, never on the FX thread
 */
public record AppContext(AppHome home, TaskExecutor executor, Executor uiThread, I18n i18n, Supplier<SecretStore> secrets,
                         Supplier<ToolchainManager> toolchains, Map<String, String> env, Activities activities) {

    public AppContext(AppHome home, TaskExecutor executor, Executor uiThread, I18n i18n, Supplier<SecretStore> secrets,
                      Supplier<ToolchainManager> toolchains, Map<String, String> env) {
        this(home, executor, uiThread, i18n, secrets, toolchains, env, new Activities());
    }

    public dev.arcrun.core.install.Installer installer() {
        return new dev.arcrun.core.install.Installer(home, secrets.get(), toolchains.get(), env);
    }
}
