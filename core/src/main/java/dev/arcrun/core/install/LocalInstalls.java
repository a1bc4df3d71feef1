package dev.arcrun.core.install;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

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
                throw new UserFacingException(Failure.of(Failure.Code.INSTALL_NOT_LOCAL, name),
                        Advice.of(Advice.Code.CHOOSE_INSTALL, names()));
            }
            return Optional.of(name);
        }
        List<String> all = names();
        if (all.size() > 1) {
            throw new UserFacingException(Failure.of(Failure.Code.SEVERAL_LOCAL_INSTALLS, all.size(), all),
                    Advice.of(Advice.Code.CHOOSE_INSTALL, all));
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
        String install = which(name).orElseThrow(() -> new UserFacingException(Failure.of(Failure.Code.NO_LOCAL_INSTALL),
                Advice.of(Advice.Code.INSTALL_LOCAL)));
        InstallConfig config = store.load(install);
        if (config.bundle() == null) {
            throw new UserFacingException(Failure.of(Failure.Code.NEVER_FINISHED, install),
                    Advice.of(Advice.Code.FINISH_INSTALL, Target.LOCAL, install));
        }
        Path bundle = store.folder(install).resolve("bundles").resolve(config.bundle().sha256().substring(0, 16));
        if (!Files.isDirectory(bundle)) {
            throw new UserFacingException(Failure.of(Failure.Code.LOCAL_ENGINE_MISSING, install, bundle),
                    Advice.of(Advice.Code.INSTALL_AGAIN, Target.LOCAL, install));
        }
        Optional<String> api = secrets.get(install, SecretKind.API_KEY);
        Optional<String> enc = secrets.get(install, SecretKind.ENCRYPTION_KEY);
        if (api.isEmpty() || enc.isEmpty()) {
            throw new UserFacingException(Failure.of(Failure.Code.LOCAL_KEYS_MISSING, install, secrets.location()),
                    Advice.of(Advice.Code.RESTORE_KEYS, install));
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

    public LocalEngine engine(String install) {
        return new LocalEngine(home, toolchains, install);
    }
}
