package dev.arcrun.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppHomeTest {
    private final Path home = Path.of("/home/ada");

    @Test
    void arcrunHomeOverridesEverything() {
        var h = AppHome.resolve(Map.of("ARCRUN_HOME", "/tmp/x", "XDG_DATA_HOME", "/d"), "Linux", home);
        assertThat(h.root()).isEqualTo(Path.of("/tmp/x"));
        assertThat(h.tools()).isEqualTo(Path.of("/tmp/x/tools"));
    }

    @Test
    void osDefaults() {
        assertThat(AppHome.resolve(Map.of(), "Linux", home).root()).isEqualTo(Path.of("/home/ada/.local/share/arcrun"));
        assertThat(AppHome.resolve(Map.of("XDG_DATA_HOME", "/data"), "Linux", home).root()).isEqualTo(Path.of("/data/arcrun"));
        assertThat(AppHome.resolve(Map.of(), "Mac OS X", home).root())
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Arcrun"));
        assertThat(AppHome.resolve(Map.of("APPDATA", "/c/Users/ada/AppData/Roaming"), "Windows 11", home).root())
                .isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Arcrun"));
    }

    @Test
    void theRootBecomesOwnerOnlyAndOwnerOnlyTightensATree(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AppHome.isPosix());
        Path root = java.nio.file.Files.createDirectories(tmp.resolve("arcrun"));
        java.nio.file.Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path blob = java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(root.resolve("local/x")).resolve("blob"), "kv");
        java.nio.file.Files.setPosixFilePermissions(blob, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        AppHome h = new AppHome(root);
        h.secureRoot();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        AppHome.ownerOnly(root.resolve("local"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(blob))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(root.resolve("local/x"))))
                .isEqualTo("rwx------");
        assertThat(h.localEngine("l2")).isEqualTo(root.resolve("local/installs/l2"));
    }

    @Test
    void blankOverrideIsIgnored() {
        assertThat(AppHome.resolve(Map.of("ARCRUN_HOME", " "), "Linux", home).root())
                .isEqualTo(Path.of("/home/ada/.local/share/arcrun"));
    }
}
