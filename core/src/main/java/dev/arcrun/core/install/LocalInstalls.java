package dev.arcrun.core.install;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.Secret;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code local start|status|stop} of an install that exists: its own bundle, its own data folder and its own keys —
 * never a fresh built-in copy. A start records the engine's address in the install's config, so the engine commands
 * find it wherever it came up.
 */
public final class LocalInstalls {
    private final AppHome home;
    private final InstallConfigStore store;
    private final SecretStore secrets;
    private final ToolchainManager toolchains;

    public LocalInstalls(AppHome home, SecretStore secrets, ToolchainManager toolchains) {
        this.home = home;
        this.store = new InstallConfigStore(home);
        this.secrets = secrets;
        this.toolchains = toolchains;
    }

    /** The local installs on this computer, sorted. */
    public List<String> names() {
        return store.names().stream().filter(n -> store.find(n).map(c -> c.target() == Target.LOCAL).orElse(false)).toList();
    }

    /** The install meant: the one named, else the only local install; empty when there is none at all. */
    public Optional<String> which(String name) {
        if (name != null && !name.isBlank()) {
            InstallConfig c = store.load(name);
            if (c.target() != Target.LOCAL) {
                throw new UserFacingException("The install '" + name + "' runs on Cloudflare, not on this computer.",
                        "Name a local install with --install NAME; local installs here: " + describe(names()) + ".");
            }
            return Optional.of(name);
        }
        List<String> all = names();
        if (all.size() > 1) {
            throw new UserFacingException("There are " + all.size() + " local installs: " + describe(all) + ".",
                    "Say which one with --install NAME.");
        }
        return all.stream().findFirst();
    }

    /** Starts (or finds running) the install's engine with its bundle, data and keys; returns once it answers. */
    public LocalStatus.Running start(String name, LogListener listener, Duration timeout, Cancellation cancellation) {
        return start(name, listener, e -> { }, timeout, cancellation);
    }

    /** As above, with the progress of the Node.js and npm downloads when the toolchain has to be bootstrapped. */
    public LocalStatus.Running start(String name, LogListener listener, java.util.function.Consumer<dev.arcrun.core.bundle.DownloadEvent> downloads,
                                     Duration timeout, Cancellation cancellation) {
        String install = which(name).orElseThrow(() -> new UserFacingException("There is no install on this computer yet.",
                "Install the engine here with: arcrun install --target local"));
        InstallConfig config = store.load(install);
        if (config.bundle() == null) {
            throw new UserFacingException("The install '" + install + "' never finished, so it has no engine to start.",
                    "Finish it with: arcrun install --target local --name " + install + " --resume");
        }
        Path bundle = store.folder(install).resolve("bundles").resolve(config.bundle().sha256().substring(0, 16));
        if (!Files.isDirectory(bundle)) {
            throw new UserFacingException("The engine of the install '" + install + "' is missing from " + bundle + ".",
                    "Install it again with: arcrun install --target local --name " + install);
        }
        Optional<String> api = secrets.get(install, SecretKind.API_KEY);
        Optional<String> enc = secrets.get(install, SecretKind.ENCRYPTION_KEY);
        if (api.isEmpty() || enc.isEmpty()) {
            throw new UserFacingException("The install '" + install + "' has no keys in " + where()
                    + "; without them its engine and data cannot be used.",
                    "Restore them, or remove the install with 'arcrun uninstall --name " + install + " --confirm " + install
                            + "' and install again.");
        }
        LocalStatus.Running running = engine(install).start(bundle, new LocalEngine.Keys(Secret.of(api.get()), Secret.of(enc.get())),
                listener, downloads, timeout, cancellation);
        if (!running.url().equals(config.engineUrl())) {
            store.save(config.withEngineUrl(running.url()));
        }
        return running;
    }

    /** The named (or only) local install's engine status; stopped when there is no local install. */
    public LocalStatus status(String name) {
        return which(name).map(n -> engine(n).status()).orElseGet(LocalStatus.Stopped::new);
    }

    /** Stops the named (or only) local install's engine; false when it was not running. */
    public boolean stop(String name) {
        return which(name).map(n -> engine(n).stop()).orElse(false);
    }

    private String where() {
        return switch (secrets.location()) {
            case dev.arcrun.core.config.SecretLocation.Keychain k -> "the " + k.name();
            case dev.arcrun.core.config.SecretLocation.File f -> f.folder().toString();
        };
    }

    public LocalEngine engine(String install) {
        return new LocalEngine(home, toolchains, install);
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
