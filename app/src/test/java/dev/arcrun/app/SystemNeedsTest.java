package dev.arcrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemNeedsTest {

    @TempDir Path tmp;

    private List<Path> libs(boolean gtk) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(gtk ? "with" : "without"));
        if (gtk) Files.writeString(dir.resolve("libgtk-3.so.0"), "");
        return List.of(dir);
    }

    @Test
    void linuxWithoutGtk3NamesThePackageToInstall() throws IOException {
        assertThat(SystemNeeds.missing("Linux", Map.of("DISPLAY", ":0"), libs(false), Map.of()))
                .hasValueSatisfying(line -> assertThat(line).contains("apt install libgtk-3-0").doesNotContain("\n"));
    }

    @Test
    void linuxWithoutADisplaySaysSoAndPointsAtTheCli() throws IOException {
        assertThat(SystemNeeds.missing("Linux", Map.of(), libs(true), Map.of()))
                .hasValueSatisfying(line -> assertThat(line).contains("DISPLAY").contains("arcrun"));
        assertThat(SystemNeeds.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), libs(true), Map.of())).isEmpty();
    }

    @Test
    void aCompleteLinuxDesktopAndOtherSystemsPass() throws IOException {
        assertThat(SystemNeeds.missing("Linux", Map.of("DISPLAY", ":0"), libs(true), Map.of())).isEmpty();
        assertThat(SystemNeeds.missing("Windows 11", Map.of(), List.of(), Map.of())).isEmpty();
        assertThat(SystemNeeds.missing("Linux", Map.of(), List.of(), Map.of("glass.platform", "Monocle"))).isEmpty();
    }

    @Test
    void glasssOwnFailureBecomesOneLine() {
        var e = new RuntimeException("Application launch failed", new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(SystemNeeds.explain(e)).hasValueSatisfying(l -> assertThat(l).contains("libgtk-3-0"));
        assertThat(SystemNeeds.explain(new IllegalStateException("something else"))).isEmpty();
    }
}
