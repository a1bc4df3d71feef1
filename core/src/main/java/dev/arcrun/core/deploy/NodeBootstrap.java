package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.bundle.Downloader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Node and npm for a computer that has neither: the platform's Node binary package ({@code node-<os>-<arch>}, the
 * packages npm's own {@code node} package installs) and the {@code npm} package, fetched as tarballs from the npm
 * registry and checked against sha512s that ship inside the app ({@code bootstrap.properties}, written by
 * {@code installer/pin-bootstrap.sh}): the registry's own answer at run time would prove nothing.
 * <p>The registry is the user's ({@code npm_config_registry}, then {@code ~/.npmrc}), else the one the build machine's
 * npm used ({@code npm-registry.txt}, written at build time); no address is written in the code.
 */
public final class NodeBootstrap {

    /** Where the bootstrap put things, inside the folder given to {@link #bootstrap}. */
    public record Installed(Path node, Path npmCli) {}

    /** The pinned versions and their {@code sha512-…} integrity strings, by package name. */
    public record Pins(String nodeVersion, String npmVersion, Map<String, String> integrity) {
        static Pins load() {
            Properties p = resource("bootstrap.properties");
            Map<String, String> integrity = new java.util.HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.endsWith(".integrity")) integrity.put(key.substring(0, key.length() - ".integrity".length()), p.getProperty(key));
            }
            return new Pins(p.getProperty("node.version"), p.getProperty("npm.version"), Map.copyOf(integrity));
        }
    }

    private final URI registry;
    private final Pins pins;
    private final String platform;
    private final Downloader downloader;

    NodeBootstrap(URI registry, Pins pins, String platform, Downloader downloader) {
        this.registry = registry;
        this.pins = pins;
        this.platform = platform;
        this.downloader = downloader;
    }

    /** With the user's registry, the shipped pins, this computer's platform; downloads are kept in {@code cacheDir}. */
    public static NodeBootstrap forThisComputer(Path cacheDir) {
        return new NodeBootstrap(registry(System.getenv(), Path.of(System.getProperty("user.home"))), Pins.load(),
                platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")), new Downloader(cacheDir));
    }

    /** {@code npm_config_registry} (any case), then {@code registry=} in {@code ~/.npmrc}, then the build's default. */
    static URI registry(Map<String, String> env, Path userHome) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase("npm_config_registry") && !e.getValue().isBlank()) return withSlash(e.getValue().trim());
        }
        Path npmrc = userHome.resolve(".npmrc");
        if (Files.isRegularFile(npmrc)) {
            try {
                for (String line : Files.readAllLines(npmrc, StandardCharsets.UTF_8)) {
                    String l = line.trim();
                    if (l.startsWith("registry") && l.contains("=")) {
                        String key = l.substring(0, l.indexOf('=')).trim();
                        String value = l.substring(l.indexOf('=') + 1).trim();
                        if (key.equals("registry") && !value.isEmpty()) return withSlash(value);
                    }
                }
            } catch (IOException e) {
                // unreadable .npmrc: fall through to the default, as npm itself would warn and go on
            }
        }
        try (InputStream in = NodeBootstrap.class.getResourceAsStream("npm-registry.txt")) {
            String value = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (value.startsWith("http")) return withSlash(value);
        } catch (IOException e) {
            // fall through
        }
        throw new UserFacingException(Failure.of(Failure.Code.NPM_REGISTRY_UNKNOWN), Advice.of(Advice.Code.SET_NPM_REGISTRY));
    }

    private static URI withSlash(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** npm's platform names: linux-x64, darwin-arm64, win-x64… */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
        String a = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
        return o + "-" + a;
    }

    public String nodeVersion() {
        return pins.nodeVersion();
    }

    public URI registry() {
        return registry;
    }

    /**
     * Downloads, checks and unpacks node into {@code dir/node} and npm into {@code dir/npm}. {@code dir} is a staging
     * folder of the caller, which renames it into place once everything works.
     */
    public Installed bootstrap(Path dir, Consumer<DownloadEvent> progress, LogListener lines, Cancellation cancel) {
        String nodePackage = "node-" + platform;
        if (!pins.integrity().containsKey(nodePackage)) {
            throw new UserFacingException(Failure.of(Failure.Code.NODE_PLATFORM_UNSUPPORTED, platform), Advice.of(Advice.Code.INSTALL_NODE));
        }
        try {
            lines.accept(LogLine.note(ToolchainManager.SOURCE, LogLevel.INFO,
                    Note.of(Note.Code.NODE_DOWNLOADING, pins.nodeVersion(), pins.npmVersion(), registry.getHost())));
            unpack(fetch(nodePackage, pins.nodeVersion(), progress, cancel), dir.resolve("node"));
            unpack(fetch("npm", pins.npmVersion(), progress, cancel), dir.resolve("npm"));
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.NODE_UNPACK_FAILED, dir, String.valueOf(e.getMessage())),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        }
        Path node = dir.resolve(platform.startsWith("win") ? "node/bin/node.exe" : "node/bin/node");
        Path npmCli = dir.resolve("npm/bin/npm-cli.js");
        if (!Files.isRegularFile(node) || !Files.isRegularFile(npmCli)) {
            throw new UserFacingException(Failure.of(Failure.Code.NODE_PACKAGE_INCOMPLETE), Advice.of(Advice.Code.REGISTRY_REAL_PACKAGES, platform));
        }
        return new Installed(node, npmCli);
    }

    /** The tarball, checked against the shipped sha512. */
    private Path fetch(String name, String version, Consumer<DownloadEvent> progress, Cancellation cancel) throws IOException {
        URI url = registry.resolve(name + "/-/" + name + "-" + version + ".tgz");
        Path file = downloader.download(url, null, progress, cancel).file();
        String expected = pins.integrity().get(name.startsWith("node-") ? name : "npm");
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(file));
        if (!actual.equals(expected)) {
            Files.deleteIfExists(file);
            throw new UserFacingException(Failure.of(Failure.Code.NODE_DOWNLOAD_SHA_MISMATCH, name, version, registry.getHost()),
                    Advice.of(Advice.Code.REGISTRY_OFFICIAL));
        }
        return file;
    }

    private static byte[] sha512(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An npm tarball (everything under {@code package/}) into {@code target}, keeping the executable bits. */
    static void unpack(Path tgz, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) continue; // the top folder itself
                Path out = root.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(root)) throw new IOException("entry outside the package: " + name);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((e.getMode() & 0100) != 0 && out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                } // links and devices: npm packages have none worth following
            }
        }
    }

    static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = NodeBootstrap.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
