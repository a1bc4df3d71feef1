package dev.arcrun.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

    /** The engines on this computer: the built-in engine's unpacked copies, and one folder per local install. */
    public Path local() { return root.resolve("local"); }

    /**
     * The folder that belongs to one local install alone: its engine's data (workerd's KV/R2 persistence), its state
     * and lock files. Uninstalling the install removes this folder and nothing of another install.
     */
    public Path localEngine(String install) { return local().resolve("installs").resolve(InstallName.require(install)); }

    /**
     * Creates the root folder when missing and makes it owner-only (0700 on POSIX; on Windows an access list of the
     * owner alone, inherited by everything created in it), so no other user of the computer can enter it whatever
     * the permissions of the files below. Called before anything is written.
     */
    public Path secureRoot() {
        ensureDir(root);
        try {
            if (isPosix()) {
                if (!Files.getPosixFilePermissions(root).equals(DIR_OWNER_ONLY)) {
                    Files.setPosixFilePermissions(root, DIR_OWNER_ONLY);
                }
            } else {
                OwnerOnlyAcl.apply(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + root + " private to you: " + e.getMessage(), e);
        }
        return root;
    }

    /**
     * Makes every folder under {@code tree} 0700 and every file 0600 on POSIX; elsewhere gives each the owner-only
     * access list, where the file system has access lists (NTFS).
     */
    public static void ownerOnly(Path tree) {
        if (!Files.exists(tree)) return;
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) continue;
                if (!isPosix()) {
                    if (!OwnerOnlyAcl.apply(p)) return; // neither modes nor access lists: nothing to set
                    continue;
                }
                Set<PosixFilePermission> want = Files.isDirectory(p) ? DIR_OWNER_ONLY : FILE_OWNER_ONLY;
                Set<PosixFilePermission> has = Files.getPosixFilePermissions(p);
                if (Files.isRegularFile(p) && has.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    want = DIR_OWNER_ONLY; // keep a script runnable, for its owner only
                }
                if (!has.equals(want)) Files.setPosixFilePermissions(p, want);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + tree + " private to you: " + e.getMessage(), e);
        }
    }

    private static final Set<PosixFilePermission> DIR_OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

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
