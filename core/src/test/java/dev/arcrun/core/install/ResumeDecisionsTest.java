package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.Failure;
import dev.arcrun.core.bundle.Sha256;
import dev.arcrun.core.deploy.DeployReport;
import dev.arcrun.core.deploy.WorkerOutcome;
import dev.arcrun.core.i18n.Messages;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed deploy tells the user, and when a resumed install must fetch the engine again. */
class ResumeDecisionsTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    @Test
    void aFailedWorkerIsExplainedByWranglersErrorLinesNotItsLogPointer() {
        List<String> tail = List.of("Total Upload: 12 KiB", "✘ [ERROR] Build failed with 1 error:", "",
                "✘ [ERROR] Unexpected \";\"", "src/index.ts:140:23:", "🪵  Logs were written to \"/x/wrangler.log\"");
        assertThat(DeployStep.wranglerSays(tail).map(ENGLISH::render))
                .contains(" — wrangler: ✘ [ERROR] Build failed with 1 error: | ✘ [ERROR] Unexpected \";\" | src/index.ts:140:23:");
        assertThat(DeployStep.wranglerSays(List.of("Uploading…", "Connection refused", "🪵  Logs were written to \"/x\"")).map(ENGLISH::render))
                .contains(" — wrangler: Connection refused");
        assertThat(DeployStep.wranglerSays(List.of())).isEmpty();
    }

    @Test
    void eachWorkerThatDidNotDeploySaysWhyInTheUsersLanguage() {
        DeployReport report = new DeployReport(List.of(
                new WorkerOutcome.Failed("b1", OptionalInt.of(1), Failure.of(Failure.Code.PROCESS_EXITED, "wrangler deploy", 1),
                        List.of("✘ [ERROR] Build failed")),
                new WorkerOutcome.Failed("b2", OptionalInt.empty(), Failure.of(Failure.Code.PROCESS_TIMED_OUT, "wrangler deploy",
                        Duration.ofMinutes(10)), List.of()),
                new WorkerOutcome.NotRun("c", Failure.of(Failure.Code.DEPLOY_WAITED_FOR, List.of("b1", "b2"), 2))), Path.of("deploy.log"));
        List<Failure> why = DeployStep.describeFailure(report);
        assertThat(why).map(ENGLISH::render).containsExactly(
                "Failed: b1 (exit code 1): wrangler deploy exited with code 1 — wrangler: ✘ [ERROR] Build failed.",
                "Failed: b2: wrangler deploy was stopped after 10 min.",
                "Not run: c (not run because b1, b2 failed and it may depend on them).");
        assertThat(why).map(new Messages(Locale.TRADITIONAL_CHINESE)::render)
                .allSatisfy(t -> assertThat(t).doesNotContain("exited", "stopped after", "not run because"));
    }

    @Test
    void resumeFetchesAgainOnlyForAnotherSourceOrAChangedFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("engine.tar.gz"), "first");
        var detail = dev.arcrun.core.config.StepDetail.bundle(Sha256.of(file), "0.1.0", file.toString());
        assertThat(FetchStep.sourceOf(detail)).contains(file.toString());
        assertThat(FetchStep.changedSince(detail, file.toString())).isFalse();
        assertThat(FetchStep.changedSince(detail, "builtin")).isTrue();
        Files.writeString(file, "fixed");
        assertThat(FetchStep.changedSince(detail, file.toString())).isTrue();

        var builtin = dev.arcrun.core.config.StepDetail.bundle("0".repeat(64), "0.1.0", "builtin");
        assertThat(FetchStep.changedSince(builtin, "builtin")).isFalse();
        assertThat(FetchStep.changedSince(dev.arcrun.core.config.StepDetail.bundle("0".repeat(64), "0.1.0", null), "builtin"))
                .as("recorded before sources were").isFalse();
    }

    @Test
    void aResumeContinuesOnlyASavedInstall(@TempDir Path dir) {
        var home = new dev.arcrun.core.config.AppHome(dir);
        var installer = new Installer(home, new dev.arcrun.core.config.FileSecretStore(home, "test"),
                dev.arcrun.core.deploy.ToolchainManager.forTests(), java.util.Map.of());
        InstallOptions again = InstallOptions.of(dev.arcrun.core.config.Target.CLOUDFLARE).withResume(true);
        assertThat(installer.resumeIfSaved(again).resume()).as("stopped before anything was saved").isFalse();
        installer.store().save(dev.arcrun.core.config.InstallConfig.create(again.name(), dev.arcrun.core.config.Target.CLOUDFLARE));
        assertThat(installer.resumeIfSaved(again).resume()).isTrue();
        assertThat(installer.resumeIfSaved(again.withResume(false)).resume()).as("a fresh install stays fresh").isFalse();
    }
}
