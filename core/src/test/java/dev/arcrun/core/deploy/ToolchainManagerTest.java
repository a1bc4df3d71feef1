package dev.arcrun.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.Note;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Finding and installing, with small shell scripts standing in for node, wrangler and npm. */
class ToolchainManagerTest {

    @TempDir Path tmp;
    private final List<String> npmLines = new ArrayList<>();

    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A global npm layout: bin/node, bin/wrangler → lib/node_modules/wrangler/bin/wrangler.js. */
    private Path globalInstall(String nodeVersion, String wranglerVersion) throws IOException {
        Path prefix = tmp.resolve("global-" + nodeVersion + "-" + wranglerVersion);
        script(prefix.resolve("bin/node"), "echo v" + nodeVersion);
        Path pkg = prefix.resolve("lib/node_modules/wrangler");
        script(pkg.resolve("bin/wrangler.js"), "");
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"wrangler\",\"version\":\"" + wranglerVersion + "\"}");
        Files.createSymbolicLink(prefix.resolve("bin/wrangler"), Path.of("../lib/node_modules/wrangler/bin/wrangler.js"));
        return prefix.resolve("bin");
    }

    /** An npm that lays out node + wrangler like the real one (or fails after printing, when told to). */
    private Path fakeNpm(boolean fail) throws IOException {
        Path bin = tmp.resolve(fail ? "npm-failing" : "npm-ok");
        script(bin.resolve("npm"), """
                prefix=$3
                echo "npm args: $*"
                echo "npm warn deprecated something" >&2
                mkdir -p "$prefix/node_modules/node/bin" "$prefix/node_modules/wrangler/bin"
                printf '#!/bin/sh\\necho v%s\\n' "%s" > "$prefix/node_modules/node/bin/node"
                chmod +x "$prefix/node_modules/node/bin/node"
                touch "$prefix/node_modules/wrangler/bin/wrangler.js"
                echo '{"version":"%s"}' > "$prefix/node_modules/wrangler/package.json"
                %s
                echo "added 37 packages"
                """.formatted(ToolchainManager.NODE_PACKAGE_VERSION, ToolchainManager.NODE_PACKAGE_VERSION,
                ToolchainManager.WRANGLER_PACKAGE_VERSION, fail ? "echo 'npm error network ETIMEDOUT' >&2; exit 1" : ""));
        return bin;
    }

    private ToolchainManager manager(boolean usePath, Path... pathDirs) {
        List<String> dirs = new ArrayList<>();
        for (Path p : pathDirs) dirs.add(p.toString());
        return new ToolchainManager(tmp.resolve("tools"), usePath, String.join(java.io.File.pathSeparator, dirs), false);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void usesAWranglerFourOnPathWithANewEnoughNode() throws IOException {
        Path bin = globalInstall("22.12.0", "4.10.2");
        Toolchain t = manager(true, bin).ensure(l -> npmLines.add(l.text()));
        assertThat(t.node()).isEqualTo(bin.resolve("node"));
        assertThat(t.wranglerJs()).isEqualTo(bin.getParent().resolve("lib/node_modules/wrangler/bin/wrangler.js").toRealPath());
        assertThat(t.nodeVersion()).isEqualTo("22.12.0");
        assertThat(t.wranglerVersion()).isEqualTo("4.10.2");
        assertThat(t.wranglerCommand("deploy", "--x-provision=false"))
                .containsExactly(t.node().toString(), t.wranglerJs().toString(), "deploy", "--x-provision=false");
        assertThat(npmLines).isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void nodeTooOldForWranglerFourMeansAPrivateInstallStreamingNpmsLines() throws IOException {
        Path oldNode = globalInstall("22.11.0", "4.10.2");
        List<LogLine> seen = new ArrayList<>();
        Toolchain t = manager(true, oldNode, fakeNpm(false)).ensure(l -> {
            seen.add(l);
            npmLines.add(l.text());
        });
        Path installed = tmp.resolve("tools").resolve(ToolchainManager.INSTALL_DIR);
        assertThat(t.node()).isEqualTo(installed.resolve("node_modules/node/bin/node"));
        assertThat(t.nodeVersion()).isEqualTo(ToolchainManager.NODE_PACKAGE_VERSION);
        assertThat(t.wranglerVersion()).isEqualTo(ToolchainManager.WRANGLER_PACKAGE_VERSION);
        assertThat(npmLines).anySatisfy(l -> assertThat(l).contains("install --prefix").contains("--no-audit --no-fund")
                .contains("node@" + ToolchainManager.NODE_PACKAGE_VERSION).contains("wrangler@" + ToolchainManager.WRANGLER_PACKAGE_VERSION));
        assertThat(npmLines).contains("npm warn deprecated something", "added 37 packages");
        // Arcrun's own lines about the install are facts the faces word; npm's lines are npm's words
        assertThat(seen).filteredOn(l -> l.note().isPresent()).map(l -> l.note().get().code())
                .containsExactly(Note.Code.TOOLCHAIN_INSTALLING, Note.Code.TOOLCHAIN_INSTALLED);
        assertThat(seen).filteredOn(l -> l.text().equals("added 37 packages")).allMatch(l -> l.note().isEmpty());
        assertThat(seen.getLast().text()).isEqualTo("Installed node " + ToolchainManager.NODE_PACKAGE_VERSION + " and wrangler "
                + ToolchainManager.WRANGLER_PACKAGE_VERSION + ".");
        assertThat(installed.resolve(ToolchainManager.MARKER)).exists();
        try (var s = Files.list(tmp.resolve("tools"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ToolchainManager.INSTALL_DIR, ".lock");
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void wranglerThreeOnPathIsNotUsed() throws IOException {
        Path bin = globalInstall("22.12.0", "3.114.0");
        Toolchain t = manager(true, bin, fakeNpm(false)).ensure(l -> npmLines.add(l.text()));
        assertThat(t.wranglerVersion()).isEqualTo(ToolchainManager.WRANGLER_PACKAGE_VERSION);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void theSecondCallReusesThePrivateInstall() throws IOException {
        manager(false, fakeNpm(false)).ensure(l -> npmLines.add(l.text()));
        npmLines.clear();
        Toolchain again = manager(false /* and no npm now */).ensure(l -> npmLines.add(l.text()));
        assertThat(again.wranglerVersion()).isEqualTo(ToolchainManager.WRANGLER_PACKAGE_VERSION);
        assertThat(npmLines).isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void aFailedInstallLeavesNothingThatLooksInstalledAndTheNextOneStartsOver() throws IOException {
        assertThatThrownBy(() -> manager(false, fakeNpm(true)).ensure(l -> npmLines.add(l.text())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.NPM_INSTALL_FAILED,
                            Failure.of(Failure.Code.PROCESS_EXITED, "npm", 1)));
                    assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.CHECK_INTERNET_AND_LINES);
                })
                .hasMessage("npm could not install node and wrangler (npm exited with code 1).");
        assertThat(npmLines).contains("npm error network ETIMEDOUT");
        try (var s = Files.list(tmp.resolve("tools"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(".lock");
        }
        Toolchain t = manager(false, fakeNpm(false)).ensure(l -> npmLines.add(l.text()));
        assertThat(t.nodeVersion()).isEqualTo(ToolchainManager.NODE_PACKAGE_VERSION);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-ins are sh scripts: on Windows node must be a real node.exe, which no .cmd twin can be")
    void anInstallKilledHalfWayIsNotTakenForAFinishedOne() throws IOException {
        // What a crash leaves: a staging folder, and a toolchain folder without its marker.
        Path tools = tmp.resolve("tools");
        Files.createDirectories(tools.resolve(".staging-1-2/node_modules"));
        Files.createDirectories(tools.resolve(ToolchainManager.INSTALL_DIR).resolve("node_modules/node/bin"));
        Toolchain t = manager(false, fakeNpm(false)).ensure(l -> npmLines.add(l.text()));
        assertThat(t.node()).startsWith(tools.resolve(ToolchainManager.INSTALL_DIR));
        assertThat(tools.resolve(".staging-1-2")).doesNotExist();
        assertThat(npmLines).contains("added 37 packages");
    }

    @Test
    void withoutNpmOnAPlatformNodeIsNotPublishedForSaysExactlyWhatToInstall() {
        // (where Node is published, the bootstrap downloads it: NodeBootstrapTest)
        NodeBootstrap none = new NodeBootstrap(java.net.URI.create("http://127.0.0.1:9/"), NodeBootstrap.Pins.load(), "aix-ppc64",
                new dev.arcrun.core.bundle.Downloader(tmp.resolve("dl")));
        assertThatThrownBy(() -> new ToolchainManager(tmp.resolve("tools"), true, tmp.resolve("empty").toString(), false, () -> none)
                .ensure(l -> npmLines.add(l.text())))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(Failure.Code.NODE_PLATFORM_UNSUPPORTED))
                .hasMessageContaining("aix-ppc64")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e)).contains("Install Node.js").contains("npm"));
    }
}
