package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Where the install commands get the world from; tests substitute a stand-in environment and a file secret store. */
public final class InstallEnvironment {
    static volatile Supplier<Map<String, String>> environment = System::getenv;
    static volatile Function<AppHome, SecretStore> secretStores = SecretStores::open;
    static volatile Function<AppHome, ToolchainManager> toolchains = home -> new ToolchainManager(home.tools());

    private InstallEnvironment() {}

    static AppHome home() {
        return AppHome.resolve();
    }

    static Map<String, String> env() {
        return environment.get();
    }

    static SecretStore secrets(AppHome home) {
        return secretStores.apply(home);
    }

    static ToolchainManager toolchains(AppHome home) {
        return toolchains.apply(home);
    }

    /** The core installer over this environment. */
    static dev.arcrun.core.install.Installer installer(AppHome home) {
        return new dev.arcrun.core.install.Installer(home, secrets(home), toolchains(home), env());
    }

    /** For tests: run with this environment, secret store and toolchain until {@link #reset()}. */
    public static void use(Map<String, String> env, Function<AppHome, SecretStore> secrets, Function<AppHome, ToolchainManager> tools) {
        environment = () -> env;
        secretStores = secrets;
        toolchains = tools;
    }

    public static void reset() {
        environment = System::getenv;
        secretStores = SecretStores::open;
        toolchains = home -> new ToolchainManager(home.tools());
    }
}
