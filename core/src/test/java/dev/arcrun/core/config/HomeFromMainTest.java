package dev.arcrun.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.install.Installer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ARCRUN_HOME written by the version before step details were typed (its config.yaml was saved by that code,
 * unchanged): it loads, resumes and updates from the same source, and is saved typed from then on.
 */
class HomeFromMainTest {
    private static final String SHA = "aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233";

    @TempDir
    Path root;

    private AppHome oldHome() throws IOException {
        Path file = root.resolve("installs/default/config.yaml");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("home-from-main/installs/default/config.yaml")) {
            Files.copy(in, file);
        }
        return new AppHome(root);
    }

    @Test
    void theOneLineStepDetailsOfAnOlderConfigReadAsTypedDetails() throws IOException {
        InstallConfigStore store = new InstallConfigStore(oldHome());
        InstallConfig c = store.load("default");

        assertThat(c.steps().get("FETCH").detail()).isEqualTo(StepDetail.bundle(SHA, "0.1.0", "builtin"));
        assertThat(c.steps().get("SEED").detail().sha256()).isEqualTo("5eed5eed");
        assertThat(c.steps().get("TOOLCHAIN").detail()).isNull();
        assertThat(c.finishedSteps()).contains("FETCH", "SEED");
        assertThat(Installer.stoppedAt(c)).as("a finished install stays finished").isEmpty();

        store.save(c);
        String yaml = Files.readString(store.file("default"));
        assertThat(yaml).as("saved typed from then on").contains("sha256: " + SHA, "source: builtin")
                .doesNotContain(SHA + " 0.1.0");
        assertThat(store.load("default")).isEqualTo(c);
    }

    @Test
    void anUpdateOfAnOlderInstallFindsWhereItsEngineCameFrom() throws IOException {
        AppHome home = oldHome();
        var installer = new Installer(home, new FileSecretStore(home, "test"), dev.arcrun.core.deploy.ToolchainManager.forTests(),
                java.util.Map.of());
        assertThat(installer.fetchedSource("default")).contains("builtin");
    }
}
