package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.Secret;
import dev.arcrun.sdk.WorkflowSummary;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local installs on one computer: each owns its engine folder and data, so removing a failed one leaves the
 * working one byte for byte; {@code local start} brings back the installed engine with its data and keys; and the
 * data of an app folder from before installs had folders of their own is taken over in place.
 */
class LocalInstallsIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private AppHome home;
    private FileSecretStore secrets;
    private Installer installer;
    private LocalInstalls locals;

    @AfterEach
    void stopEngines() {
        if (home != null) {
            new LocalEngine(home, ToolchainManager.forTests(), "local").stop();
            new LocalEngine(home, ToolchainManager.forTests(), "l2").stop();
        }
    }

    @Test
    void uninstallingAFailedInstallLeavesTheWorkingOneIntactAndLocalStartBringsItBack() throws Exception {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "tests use a file");
        installer = new Installer(home, secrets, ToolchainManager.forTests(), Map.of());
        locals = new LocalInstalls(home, secrets, ToolchainManager.forTests());

        List<InstallEvent> events = new ArrayList<>();
        assertThat(installer.install(InstallOptions.of(Target.LOCAL), events::add).execute())
                .as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        EngineClient engine = client("local");
        engine.workflows().push(JSON.readTree(LocalInstallEndToEndTest.findExample("hello.json").toFile()));
        engine.credentials().push("kept_token", Secret.of("kept-" + java.util.UUID.randomUUID()));

        InstallOptions failing = new InstallOptions(Target.LOCAL, "l2", "/nonexistent.tar.gz", null, null, null,
                java.util.Optional.empty(), false, false);
        assertThat(installer.install(failing, e -> { }).execute()).isInstanceOf(PipelineOutcome.Failed.class);

        // The data of 'local' as it is on disk, with its engine stopped so nothing changes it meanwhile.
        assertThat(new LocalEngine(home, ToolchainManager.forTests(), "local").stop()).isTrue();
        Map<String, byte[]> before = snapshot(home.localEngine("local"));
        assertThat(before.keySet()).anyMatch(p -> p.startsWith("state/"));

        var report = new Uninstaller(home, secrets, Map.of()).uninstall("l2", "l2", e -> { });
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(installer.store().find("l2")).isEmpty();
        assertThat(installer.store().find("local")).isPresent();
        assertThat(secrets.get("local", SecretKind.API_KEY)).isPresent();
        assertSameBytes(before, snapshot(home.localEngine("local")));

        // local start runs the installed engine again: its data and keys, recorded where the engine commands look.
        LocalStatus.Running running = locals.start(null, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        assertThat(installer.store().load("local").engineUrl()).isEqualTo(running.url());
        EngineClient again = client("local");
        assertThat(again.workflows().list()).extracting(WorkflowSummary::name).contains("hello");
        assertThat(again.credentials().list()).extracting(CredentialInfo::name).contains("kept_token");
        assertThat(again.workflows().run("hello", JSON.createObjectNode()).success()).isTrue();
        assertThat(locals.status(null)).isInstanceOf(LocalStatus.Running.class);

        // A second start finds it instead of starting another engine on the same data.
        assertThat(locals.start("local", LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()).pid())
                .isEqualTo(running.pid());

        // An app folder as today's main left it: the one shared local/state, a local/engine.json of a dead engine.
        assertThat(locals.stop(null)).isTrue();
        Files.move(home.localEngine("local").resolve("state"), home.local().resolve("state"));
        Files.writeString(home.local().resolve("engine.json"), "{\"pid\": 999999999, \"port\": 1, \"url\": \"http://127.0.0.1:1\","
                + " \"startedAt\": \"x\", \"engineDir\": \"/nowhere\", \"logFile\": \"/nowhere\"}");
        Map<String, byte[]> legacy = snapshot(home.local().resolve("state"));
        LocalStatus.Running migrated = locals.start(null, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        assertThat(home.local().resolve("state")).doesNotExist();
        assertThat(home.local().resolve("engine.json")).doesNotExist();
        EngineClient afterMigration = client("local");
        assertThat(afterMigration.workflows().list()).extracting(WorkflowSummary::name).contains("hello");
        assertThat(afterMigration.credentials().list()).extracting(CredentialInfo::name).contains("kept_token");
        assertThat(migrated.url()).isEqualTo(installer.store().load("local").engineUrl());
        assertThat(legacy).isNotEmpty();

        // Uninstalling the install that owns data still in the old layout removes that data too.
        assertThat(locals.stop(null)).isTrue();
        Files.move(home.localEngine("local").resolve("state"), home.local().resolve("state"));
        var removed = new Uninstaller(home, secrets, Map.of()).uninstall("local", "local", e -> { });
        assertThat(removed.complete()).isTrue();
        assertThat(home.local().resolve("state")).doesNotExist();
        assertThat(home.localEngine("local")).doesNotExist();
    }

    @Test
    void withItsKeysGoneAResumedLocalInstallIsNeverReady() throws Exception {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "tests use a file");
        installer = new Installer(home, secrets, ToolchainManager.forTests(), Map.of());
        locals = new LocalInstalls(home, secrets, ToolchainManager.forTests());
        assertThat(installer.install(InstallOptions.of(Target.LOCAL), e -> { }).execute()).isInstanceOf(PipelineOutcome.Completed.class);
        new LocalEngine(home, ToolchainManager.forTests(), "local").stop();

        Files.delete(secrets.file("local"));
        List<InstallEvent> events = new ArrayList<>();
        PipelineOutcome resumed = installer.install(InstallOptions.of(Target.LOCAL).withResume(true), events::add).execute();
        assertThat(resumed).isInstanceOf(PipelineOutcome.Failed.class);
        assertThat(((PipelineOutcome.Failed) resumed).cause()).contains("has no keys");
        assertThat(events).noneMatch(e -> e instanceof InstallEvent.Succeeded s && s.step() == StepId.CHECK);
        assertThat(new LocalEngine(home, ToolchainManager.forTests(), "local").status()).isInstanceOf(LocalStatus.Stopped.class);

        assertThatThrownBy(() -> locals.start(null, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("has no keys");
    }

    private EngineClient client(String name) {
        return new InstallSession(home, InstallOptions.of(Target.LOCAL), installer.store(), secrets,
                ToolchainManager.forTests(), Map.of(), installer.store().load(name)).engine();
    }

    private static Map<String, byte[]> snapshot(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.equals("engine.lock")) continue; // the lock is taken by every start and stop, by design
                out.put(rel, Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static void assertSameBytes(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String f : before.keySet()) {
            assertThat(Arrays.equals(before.get(f), after.get(f))).as(f + " unchanged").isTrue();
        }
    }
}
