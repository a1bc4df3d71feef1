package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.InstallSession;
import dev.arcrun.core.install.Installer;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Where the install commands get the world from; tests substitute a stand-in environment and a file secret store. */
public final class InstallEnvironment {
    static volatile Supplier<Map<String, String>> environment = System::getenv;
    static volatile Function<AppHome, SecretStore> secretStores = SecretStores::open;
    static volatile Function<AppHome, ToolchainManager> toolchains = home -> new ToolchainManager(home.tools());
    static volatile Supplier<AppHome> homes = AppHome::resolve;
    static volatile Consumer<InstallSession> sessionTuning = s -> { };

    private InstallEnvironment() {}

    public static AppHome home() {
        return homes.get();
    }

    /** The pipeline for the install commands, over this environment. */
    static Installer installer(AppHome home) {
        return installer(home, false);
    }

    /** @param noWait the final check asks the engine once instead of waiting for a new address to answer */
    static Installer installer(AppHome home, boolean noWait) {
        Consumer<InstallSession> tuning = sessionTuning;
        return new Installer(home, secrets(home), toolchains(home), env()).tuning(s -> {
            s.checkWait(noWait ? java.time.Duration.ZERO : InstallSession.DEFAULT_CHECK_WAIT);
            tuning.accept(s); // tests may shorten it
        });
    }

    public static Map<String, String> env() {
        return environment.get();
    }

    public static SecretStore secrets(AppHome home) {
        return secretStores.apply(home);
    }

    static ToolchainManager toolchains(AppHome home) {
        return toolchains.apply(home);
    }

    /** For tests: run with this environment, secret store and toolchain until {@link #reset()}. */
    public static void use(Map<String, String> env, Function<AppHome, SecretStore> secrets, Function<AppHome, ToolchainManager> tools) {
        environment = () -> env;
        secretStores = secrets;
        toolchains = tools;
    }

    /** For tests: use this app folder instead of {@code $ARCRUN_HOME}, until {@link #reset()}. */
    public static void useHome(AppHome home) {
        homes = () -> home;
    }

    /** For tests: shorten retry waits of each pipeline's Cloudflare client, until {@link #reset()}. */
    public static void tuneSessions(Consumer<InstallSession> tuning) {
        sessionTuning = tuning;
    }

    public static void reset() {
        homes = AppHome::resolve;
        sessionTuning = s -> { };
        environment = System::getenv;
        secretStores = SecretStores::open;
        toolchains = home -> new ToolchainManager(home.tools());
    }
}
