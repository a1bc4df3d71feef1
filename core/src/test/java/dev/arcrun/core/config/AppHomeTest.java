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
    void blankOverrideIsIgnored() {
        assertThat(AppHome.resolve(Map.of("ARCRUN_HOME", " "), "Linux", home).root())
                .isEqualTo(Path.of("/home/ada/.local/share/arcrun"));
    }
}
