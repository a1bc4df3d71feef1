package dev.arcrun.cli.engine;

import dev.arcrun.cli.ArcrunCli;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.core.engineclient.EngineSettingsResolver;
import dev.arcrun.core.engineclient.EngineSettingsResolver.Explicit;
import dev.arcrun.core.engineclient.EngineSettingsResolver.InstallSource;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * How the engine commands find their engine: the root's {@code --api-url}, then the environment, then the install
 * ({@code --install NAME}, or the only one there is). Keys never come from arguments: env or the install's
 * SecretStore only, so they stay out of shell history and process lists.
 */
public final class EngineOptions {
    @Option(names = "--install", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Which install's engine and keys to use (default: the only install on this computer).")
    String install;

    /** Runs one piece of work with a client that is closed afterwards. */
    <T> T call(CommandSpec spec, Function<EngineClient, T> work) {
        try (EngineClient client = client(spec)) {
            return work.apply(client);
        }
    }

    void run(CommandSpec spec, Consumer<EngineClient> work) {
        call(spec, c -> {
            work.accept(c);
            return null;
        });
    }

    private EngineClient client(CommandSpec spec) {
        String apiUrl = spec.root().userObject() instanceof ArcrunCli root ? root.apiUrl() : null;
        return EngineClient.create(EngineSettingsResolver.resolve(new Explicit(apiUrl, null, null),
                InstallEnvironment.env(), this::installSource));
    }

    private InstallSource installSource() {
        AppHome home = InstallEnvironment.home();
        InstallConfigStore configs = new InstallConfigStore(home);
        InstallConfig config = install != null ? configs.load(install)
                : configs.names().isEmpty() ? null : dev.arcrun.cli.install.InstallSelection.pick(configs, null);
        return config == null ? InstallSource.NONE : InstallSource.of(config, InstallEnvironment.secrets(home));
    }
}
