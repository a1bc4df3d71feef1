package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local target from nothing to a workflow run: the real wrangler dev (workerd) on this computer, keys received
 * from the engine into the secret store, seeds loaded through the engine's API.
 */
class LocalInstallEndToEndTest {
    @TempDir
    Path root;

    private final List<InstallEvent> events = new ArrayList<>();
    private Installer installer;
    private AppHome home;
    private FileSecretStore secrets;

    private Installer installer() {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "tests use a file");
        installer = new Installer(home, secrets, ToolchainManager.forTests(), Map.of());
        return installer;
    }

    @AfterEach
    void stopEngine() {
        if (home != null) {
            new dev.arcrun.core.local.LocalEngine(home, ToolchainManager.forTests()).stop();
        }
    }

    @Test
    void installsRunsAWorkflowIsANoOpTheSecondTimeAndUninstallsCleanly() throws Exception {
        var run = installer().install(InstallOptions.of(Target.LOCAL), events::add);
        PipelineOutcome outcome = run.execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);

        InstallConfig config = installer.store().load("local");
        assertThat(config.engineUrl()).startsWith("http://127.0.0.1:");
        assertThat(config.bundle().version()).isEqualTo("0.1.0");
        String apiKey = secrets.get("local", SecretKind.API_KEY).orElseThrow();
        String encKey = secrets.get("local", SecretKind.ENCRYPTION_KEY).orElseThrow();

        // No secret in any file but the 0600 secret store.
        try (Stream<Path> files = Files.walk(root.resolve("installs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals(".dev.vars")) {
                    // the engine's own secrets file (wrangler dev reads its keys there): owner-only
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
                    continue;
                }
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(apiKey).doesNotContain(encKey);
            }
        }
        for (Path f : secretFiles()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }

        // Seeds arrived through the engine; an example workflow runs with its trace.
        var engine = newSession().engine();
        assertThat(engine.services().list()).hasSizeGreaterThanOrEqualTo(20);
        JsonNode hello = new ObjectMapper().readTree(findExample("hello.json").toFile());
        engine.workflows().push(hello);
        RunResult result = engine.workflows().run("hello", new ObjectMapper().createObjectNode());
        assertThat(result.success()).isTrue();
        assertThat(result.trace()).extracting(t -> t.status()).containsOnly(StepStatus.OK);
        assertThat(result.trace()).hasSize(3);

        // A second install over a healthy one creates nothing and deploys nothing new.
        events.clear();
        PipelineOutcome again = installer.install(InstallOptions.of(Target.LOCAL), events::add).execute();
        assertThat(again).isInstanceOf(PipelineOutcome.Completed.class);
        assertThat(((PipelineOutcome.Completed) again).skipped()).contains(StepId.KEYS, StepId.SEED, StepId.CONFIG);
        assertThat(secrets.get("local", SecretKind.API_KEY)).contains(apiKey);

        // Uninstall stops the engine and removes config and keys.
        var report = new Uninstaller(home, secrets, Map.of()).uninstall("local", "local", events::add);
        assertThat(report.complete()).isTrue();
        assertThat(installer.store().find("local")).isEmpty();
        assertThat(secrets.get("local", SecretKind.API_KEY)).isEmpty();
        assertThat(new dev.arcrun.core.local.LocalEngine(home, ToolchainManager.forTests()).status())
                .isInstanceOf(dev.arcrun.core.local.LocalStatus.Stopped.class);
    }

    /**
     * An install made before the generated configs: its bundle's wrangler.toml files were injected in place and there
     * is no wrangler.arcrun.json. Its engine still starts with its data, and installing again over it injects the
     * new way with the same ids, so the data stays.
     */
    @Test
    void anEngineWhoseBundleAnEarlierVersionInjectedInPlaceStartsWithItsDataAndInstallsAgain() throws Exception {
        assertThat(installer().install(InstallOptions.of(Target.LOCAL), events::add).execute()).as(events.toString())
                .isInstanceOf(PipelineOutcome.Completed.class);
        JsonNode hello = new ObjectMapper().readTree(findExample("hello.json").toFile());
        newSession().engine().workflows().push(hello);
        LocalInstalls locals = new LocalInstalls(home, secrets, ToolchainManager.forTests());
        assertThat(locals.stop("local")).isTrue();

        var toml = new com.fasterxml.jackson.dataformat.toml.TomlMapper();
        List<Path> generated;
        try (Stream<Path> files = Files.walk(root.resolve("installs"))) {
            generated = files.filter(f -> f.getFileName().toString().equals(dev.arcrun.core.bundle.ConfigInjector.GENERATED)).toList();
        }
        assertThat(generated).hasSize(2);
        for (Path g : generated) { // what the earlier version left: the injected values in the bundle's own file
            Files.writeString(g.resolveSibling("wrangler.toml"), toml.writeValueAsString(new ObjectMapper().readTree(g.toFile())));
            Files.delete(g);
        }

        locals.start("local", dev.arcrun.core.deploy.LogListener.NONE, dev.arcrun.core.local.LocalEngine.DEFAULT_START_TIMEOUT,
                new dev.arcrun.core.Cancellation());
        assertThat(newSession().engine().workflows().run("hello", new ObjectMapper().createObjectNode()).success())
                .as("the workflow saved before, in the same KV namespaces").isTrue();

        events.clear();
        assertThat(installer.install(InstallOptions.of(Target.LOCAL), events::add).execute()).as(events.toString())
                .isInstanceOf(PipelineOutcome.Completed.class);
        for (Path g : generated) {
            assertThat(g).as("injected the new way again").isRegularFile();
        }
        locals.stop("local");
        locals.start("local", dev.arcrun.core.deploy.LogListener.NONE, dev.arcrun.core.local.LocalEngine.DEFAULT_START_TIMEOUT,
                new dev.arcrun.core.Cancellation());
        assertThat(newSession().engine().workflows().run("hello", new ObjectMapper().createObjectNode()).success()).isTrue();
    }

    private InstallSession newSession() {
        return new InstallSession(home, InstallOptions.of(Target.LOCAL), installer.store(), secrets,
                ToolchainManager.forTests(), Map.of(), installer.store().load("local"));
    }

    private List<Path> secretFiles() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(p -> p.toString().contains("secret")).forEach(out::add);
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static Path findExample(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("engine/examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("engine/examples above the working folder").isNotNull();
        return dir.resolve("engine/examples").resolve(name);
    }
}
