package dev.arcrun.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one folder that holds everything the app and the CLI keep: configs, the private toolchain,
 * the download cache, logs, local engine state. {@code $ARCRUN_HOME} wins; otherwise the OS's usual place.
 */
public record AppHome(Path root) {

    public static final String ENV = "ARCRUN_HOME";

    public AppHome {
        root = root.toAbsolutePath().normalize();
    }

    /** Resolves from the real environment and system properties. */
    public static AppHome resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppHome resolve(Map<String, String> env, String osName, Path userHome) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return new AppHome(Path.of(explicit));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new AppHome(userHome.resolve("Library/Application Support/Arcrun"));
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : userHome.resolve("AppData/Roaming");
            return new AppHome(base.resolve("Arcrun"));
        }
        String xdgData = env.get("XDG_DATA_HOME");
        Path base = xdgData != null && !xdgData.isBlank() ? Path.of(xdgData) : userHome.resolve(".local/share");
        return new AppHome(base.resolve("arcrun"));
    }

    /** Private node + wrangler installed with npm. */
    public Path tools() { return root.resolve("tools"); }

    /** Downloaded bundles, keyed by URL and sha256. */
    public Path cache() { return root.resolve("cache"); }

    /** Full logs of deploys and local runs (the UI shows only a capped tail). */
    public Path logs() { return root.resolve("logs"); }

    /** One folder per install: its config, journal and bundles. */
    public Path installs() { return root.resolve("installs"); }

    /** State of the engine running on this computer (workerd's KV/R2 persistence, pid files). */
    public Path local() { return root.resolve("local"); }

    /** wrangler's own config and log folder (XDG_CONFIG_HOME), so it never writes into the user's home. */
    public Path wranglerConfig() { return root.resolve("wrangler"); }

    /** Creates the folder (and parents) when missing and returns it. */
    public static Path ensureDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
