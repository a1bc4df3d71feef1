package dev.arcrun.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallConfigStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir Path root;

    private InstallConfigStore store() {
        return new InstallConfigStore(new AppHome(root), Clock.fixed(T0, ZoneOffset.UTC));
    }

    static InstallConfig full() {
        return InstallConfig.create("default", Target.CLOUDFLARE)
                .withEngineUrl("https://arcrun-cypher-executor.ada.workers.dev")
                .withAccountId("0123456789abcdef0123456789abcdef")
                .withResources(new Resources(Map.of("CREDENTIALS", "kv1", "RUNS", "kv2"),
                        Map.of("COMPONENT_BINARIES", "arcrun-components"), "ada"))
                .withDeployedBundle(new DeployedBundle("builtin", "0.1.0", "aa11", T0))
                .withDeployedBundle(new DeployedBundle("github:arcrun/engine@v0.2.0", "0.2.0", "bb22", T0.plusSeconds(60)))
                .withJournalEntry(new JournalEntry(JournalEntry.Kind.KV_NAMESPACE, "arcrun-credentials", "kv1", T0))
                .withJournalEntry(new JournalEntry(JournalEntry.Kind.WORKER, "arcrun-registry", "arcrun-registry", T0))
                .withStep("PROVISION", new StepState(StepState.Status.SUCCEEDED, T0, StepDetail.bundle("bb22", "0.2.0", "github:arcrun/engine@v0.2.0")))
                .withStep("DEPLOY", new StepState(StepState.Status.FAILED, T0, null))
                .withHistory(new HistoryEvent(T0, HistoryEvent.Kind.INSTALLED, null, "0.1.0", null))
                .withHistory(new HistoryEvent(T0.plusSeconds(60), HistoryEvent.Kind.UPDATED, "0.1.0", "0.2.0", null));
    }

    @Test
    void roundTripsEveryField() {
        InstallConfig config = full();
        store().save(config);

        InstallConfig back = store().load("default");

        assertThat(back).isEqualTo(config);
        assertThat(back.previousBundle().version()).isEqualTo("0.1.0");
        assertThat(back.finishedSteps()).containsExactly("PROVISION");
        assertThat(back.steps().keySet()).containsExactly("PROVISION", "DEPLOY");
    }

    @Test
    void writesReadableSnakeCaseYamlWithEnumNamesUsersKnow() throws IOException {
        store().save(full());
        String yaml = Files.readString(store().file("default"));
        assertThat(yaml).contains("target: cloudflare", "engine_url:", "previous_bundle:", "kind: kv_namespace",
                "kind: updated", "2026-11-26T10:00:00Z");
    }

    @Test
    void stringsThatLookLikeNumbersOrBooleansStayStrings() {
        InstallConfig c = InstallConfig.create("x", Target.LOCAL).withAccountId("0123456789")
                .withDeployedBundle(new DeployedBundle("yes", "1.10", "00e1", T0))
                .withResources(new Resources(Map.of("CREDENTIALS", "007"), Map.of(), "true"));
        store().save(c);
        assertThat(store().load("x")).isEqualTo(c);
    }

    @Test
    void resavingTheSameJournalEntryKeepsOne() {
        var entry = new JournalEntry(JournalEntry.Kind.R2_BUCKET, "arcrun-components", "arcrun-components", T0);
        InstallConfig c = InstallConfig.create("x", Target.LOCAL).withJournalEntry(entry).withJournalEntry(entry);
        assertThat(c.journal()).hasSize(1);
        assertThat(c.withoutJournalEntry(JournalEntry.Kind.R2_BUCKET, "arcrun-components").journal()).isEmpty();
    }

    @Test
    void rollbackSwapsCurrentAndPrevious() {
        InstallConfig c = full();
        InstallConfig rolled = c.rolledBack(c.previousBundle());
        assertThat(rolled.bundle().version()).isEqualTo("0.1.0");
        assertThat(rolled.previousBundle().version()).isEqualTo("0.2.0");
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTempFile() throws IOException {
        store().save(full());
        Path file = store().file("default");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("name: half-writ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.yaml");
        }
        assertThat(store().load("default")).isEqualTo(full());
    }

    @Test
    void configFileIsOwnerOnly() throws IOException {
        store().save(full());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file("default"))))
                .isEqualTo("rw-------");
    }

    @Test
    void permissionsAreOwnerOnlyBeforeTheFirstByteIsWritten() throws IOException {
        Path target = root.resolve("secrets/x.json");
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(target, out -> {
            try (Stream<Path> files = Files.list(target.getParent())) {
                for (Path tmp : files.toList()) {
                    seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp)) + " " + Files.size(tmp));
                }
            }
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(seen).containsExactly("rw------- 0");
    }

    @Test
    void corruptFileIsReportedAndBackedUpNotReplaced() throws IOException {
        Path file = store().file("default");
        Files.createDirectories(file.getParent());
        String broken = "name: default\ntarget: [cloudflare\nengine_url: x\n";
        Files.writeString(file, broken);

        assertThatThrownBy(() -> store().load("default"))
                .isInstanceOfSatisfying(CorruptConfigException.class, e -> {
                    assertThat(e.getMessage()).contains("'default'", file.toString(), "damaged", "line");
                    assertThat(e.backup()).hasContent(broken);
                    assertThat(e.getMessage()).contains(e.backup().toString());
                    assertThat(e.adviceFact().isNone()).isFalse();
                    // a fact, so a Chinese user reads it in Chinese, with the same paths
                    assertThat(e.failure().code()).isEqualTo(dev.arcrun.core.Failure.Code.CONFIG_DAMAGED);
                    var zh = new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE);
                    assertThat(zh.render(e.failure())).contains("已損壞", file.toString(), e.backup().toString());
                    assertThat(zh.render(e.adviceFact())).contains("重新安裝");
                });
        assertThat(file).hasContent(broken);

        // Seeing the same damage again does not pile up backups.
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-"))).hasSize(1);
        }
    }

    @Test
    void savingOverADamagedFileKeepsACopyOfIt() throws IOException {
        Path file = store().file("default");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: default\ntarget: {{{\n");

        store().save(full());

        assertThat(store().load("default")).isEqualTo(full());
        try (Stream<Path> files = Files.list(file.getParent())) {
            Path backup = files.filter(p -> p.getFileName().toString().contains(".corrupt-")).findFirst().orElseThrow();
            assertThat(backup).hasContent("name: default\ntarget: {{{\n");
        }
    }

    @Test
    void wellFormedYamlWithBadValuesIsCorruptToo() throws IOException {
        Path file = store().file("default");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: default\ntarget: mars\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class)
                .hasMessageContaining("'mars' is not a valid value for target (line 2)");

        Files.writeString(file, "name: default\ntarget: local\njournal:\n  - kind: kv_namespace\n    name: a\n    created_at: yesterday\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class)
                .hasMessageContaining("journal[0].created_at");

        Files.writeString(file, "name: default\ntarget: local\n\tengine_url: {oops\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class)
                .hasMessageContaining("not valid YAML");

        Files.writeString(file, "name: Not Valid\ntarget: local\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class)
                .hasMessageContaining("not a valid install name");

        Files.writeString(file, "");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class);

        Files.writeString(file, "name: other\ntarget: local\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOf(CorruptConfigException.class)
                .hasMessageContaining("'other'");
    }

    @Test
    void aConfigCutOffMidLineIsSetAsideNotTakenWithoutItsHistory() throws IOException {
        store().save(full());
        Path file = store().file("default");
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {whole.length - 3, whole.length / 2 + 1, 20}) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            if (truncated[truncated.length - 1] == '\n') continue;
            Files.write(file, truncated);
            assertThatThrownBy(() -> store().load("default"))
                    .isInstanceOfSatisfying(CorruptConfigException.class, e -> {
                        assertThat(e.getMessage()).contains("cut off");
                        assertThat(e.backup()).hasBinaryContent(truncated);
                    });
        }
    }

    @Test
    void aBinaryConfigSaysSoInWordsNotWithAJavaClassName() throws IOException {
        Path file = store().file("default");
        Files.createDirectories(file.getParent());
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (255 - i);
        binary[binary.length - 1] = '\n';
        Files.write(file, binary);
        assertThatThrownBy(() -> store().load("default"))
                .isInstanceOfSatisfying(CorruptConfigException.class, e -> {
                    assertThat(e.getMessage()).contains("not text").doesNotContain("Exception").doesNotContain("java.");
                    assertThat(e.getMessage().lines()).hasSize(1);
                });
    }

    /** What is wrong with a damaged config is a fact (a reason, its values, the line), worded in the user's language. */
    @Test
    void aDamagedConfigReadsInChineseForAChineseUser() throws IOException {
        var zh = new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE);
        var en = new dev.arcrun.core.i18n.Messages(java.util.Locale.ENGLISH);
        Path file = store().file("default");
        Files.createDirectories(file.getParent());

        Files.writeString(file, "name: default\ntarget: mars\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e -> {
            assertThat(e.damage()).isEqualTo(CorruptConfigException.Damage.of(CorruptConfigException.Damage.Reason.BAD_VALUE,
                    "mars", "target").atLine(2));
            assertThat(zh.render(e.failure())).isEqualTo("安裝「default」的設定檔（" + file + "）已損壞：「mars」不是 target 的有效值"
                    + "（第 2 行）。已在 " + e.backup() + " 保留一份副本。");
            assertThat(en.render(e.failure())).isEqualTo("The config of install 'default' (" + file + ") is damaged: 'mars' is "
                    + "not a valid value for target (line 2). A copy was kept at " + e.backup() + ".");
            assertThat(zh.render(e.adviceFact())).isEqualTo("請手動修正這個檔案，或刪除這個安裝的資料夾後重新安裝。");
        });

        Files.writeString(file, "");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e -> {
            assertThat(e.damage().reason()).isEqualTo(CorruptConfigException.Damage.Reason.EMPTY);
            assertThat(zh.render(e.failure())).contains("已損壞：它是空的。");
            assertThat(en.render(e.failure())).contains("is damaged: it is empty.");
        });

        Files.writeString(file, "name: other\ntarget: local\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e ->
                assertThat(zh.render(e.failure())).contains("已損壞：它記載的是安裝「other」，而不是「default」。"));

        Files.writeString(file, "name: Not Valid\ntarget: local\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e -> {
            assertThat(e.damage().reason()).isEqualTo(CorruptConfigException.Damage.Reason.NAME_INVALID);
            assertThat(zh.render(e.failure())).contains("已損壞：「Not Valid」不是有效的安裝名稱");
        });

        Files.writeString(file, "name: default\ntarget: local\n\tengine_url: {oops\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e -> {
            assertThat(e.damage().reason()).isEqualTo(CorruptConfigException.Damage.Reason.NOT_YAML);
            assertThat(zh.render(e.failure())).contains("已損壞：它不是有效的 YAML（").doesNotContain("!config");
        });

        Files.writeString(file, "name: default\n");
        assertThatThrownBy(() -> store().load("default")).isInstanceOfSatisfying(CorruptConfigException.class, e -> {
            assertThat(e.damage().reason()).isEqualTo(CorruptConfigException.Damage.Reason.MISSING_VALUE);
            assertThat(en.render(e.failure())).contains("is damaged: it has no value for target");
        });
    }

    @Test
    void aMissingInstallIsAFactNamingTheOnesThatExist() {
        var zh = new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE);
        assertThatThrownBy(() -> store().load("nope")).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.failure()).isEqualTo(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.NO_SUCH_INSTALL, "nope"));
            assertThat(zh.render(e.adviceFact())).isEqualTo("這台電腦上還沒有任何安裝。");
        });
        store().save(InstallConfig.create("home", Target.LOCAL));
        store().save(InstallConfig.create("work", Target.LOCAL));
        assertThatThrownBy(() -> store().load("nope")).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(zh.render(e.failure())).isEqualTo("沒有名為「nope」的安裝。");
            assertThat(zh.render(e.adviceFact())).isEqualTo("這台電腦上的安裝：home、work。");
        });
        assertThatThrownBy(() -> InstallName.require("Bad Name")).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(zh.render(e.failure()) + zh.render(e.adviceFact()))
                        .isEqualTo("「Bad Name」不是有效的安裝名稱。請使用 1 到 63 個小寫字母、數字和連字號，並以字母或數字開頭。"));
    }

    @Test
    void listsInstallsAndFindsTheSoleOne() {
        assertThat(store().names()).isEmpty();
        assertThat(store().sole()).isEmpty();

        store().save(InstallConfig.create("home", Target.LOCAL));
        assertThat(store().sole()).map(InstallConfig::name).contains("home");

        store().save(InstallConfig.create("work", Target.CLOUDFLARE));
        assertThat(store().names()).containsExactly("home", "work");
        assertThatThrownBy(() -> store().sole()).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("home, work")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e)).contains("choose_install"));
    }

    @Test
    void missingInstallSaysWhichExist() {
        store().save(InstallConfig.create("home", Target.LOCAL));
        assertThat(store().find("nope")).isEmpty();
        assertThatThrownBy(() -> store().load("nope")).isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e)).contains("home"));
    }

    @Test
    void unsafeNamesAreRefused() {
        assertThatThrownBy(() -> store().file("../etc")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> InstallConfig.create("Bad Name", Target.LOCAL)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void deleteRemovesTheFolder() {
        store().save(full());
        store().delete("default");
        assertThat(store().folder("default")).doesNotExist();
        assertThat(store().names()).isEmpty();
    }
}
