package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
    @TempDir Path root;

    @Test
    void withNoInstallThereIsNoConnectionAndTheStartPageIsOffered() {
        AtomicInteger started = new AtomicInteger();
        var vm = new DashboardViewModel(EXECUTOR, new Installs(ViewModelFixture.context(root)), started::incrementAndGet);
        assertThat(vm.loadedProperty().get()).isFalse();
        vm.reload();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.installNames()).isEmpty();
        assertThat(vm.connectionProperty().get()).isNull();
        vm.openStart();
        assertThat(started).hasValue(1);
    }

    @Test
    void theOnlyInstallIsShownAndAnEngineThatDoesNotAnswerIsReportedDown() {
        var context = ViewModelFixture.context(root);
        new InstallConfigStore(context.home()).save(InstallConfig.create("local", Target.LOCAL).withEngineUrl(ViewModelFixture.NOWHERE));
        var vm = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { });
        vm.reload();
        assertThat(vm.selectedProperty().get()).isEqualTo("local");
        assertThat(vm.connectionProperty().get().config().engineUrl()).isEqualTo(ViewModelFixture.NOWHERE);
        assertThat(vm.healthProperty().get()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void anInstallThatStoppedIsMarkedUnfinishedOffersFinishAndIsNotCalledDown() {
        var context = ViewModelFixture.context(root);
        new InstallConfigStore(context.home()).save(InstallConfig.create("cloudflare", Target.CLOUDFLARE).withStep(
                dev.arcrun.core.install.StepId.TOOLCHAIN.name(),
                new dev.arcrun.core.config.StepState(dev.arcrun.core.config.StepState.Status.SUCCEEDED, java.time.Instant.now(), null)));
        java.util.List<dev.arcrun.app.resume.UnfinishedInstall> finished = new java.util.ArrayList<>();
        var vm = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { }).finishing(finished::add);
        vm.reload();
        assertThat(vm.unfinishedProperty().get().stoppedAt()).isEqualTo(dev.arcrun.core.install.StepId.VERIFY);
        assertThat(vm.healthProperty().get()).as("there is no engine to ask yet").isEqualTo(HealthState.UNKNOWN);
        vm.finishInstall();
        assertThat(finished).extracting(dev.arcrun.app.resume.UnfinishedInstall::name).containsExactly("cloudflare");
    }

    @Test
    void whileAFirstStartRunsTheDashboardSaysAnEngineIsBeingSetUpNotNoEngineYet() {
        var activities = new dev.arcrun.app.common.Activities();
        var vm = new DashboardViewModel(EXECUTOR, new Installs(ViewModelFixture.context(root)), () -> { }).tracking(activities);
        try (var start = activities.begin(dev.arcrun.app.common.Activities.Kind.LOCAL_START, "local", () -> { })) {
            vm.reload();
            assertThat(vm.installNames()).isEmpty();
            assertThat(vm.settingUpProperty().get()).isTrue();
        }
        vm.reload();
        assertThat(vm.settingUpProperty().get()).isFalse();
    }

    @Test
    void aHealthCheckSaysWhenItAsked() {
        var context = ViewModelFixture.context(root);
        new InstallConfigStore(context.home()).save(InstallConfig.create("local", Target.LOCAL).withEngineUrl(ViewModelFixture.NOWHERE));
        java.time.Instant at = java.time.Instant.parse("2026-12-02T07:00:00Z");
        var vm = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { })
                .clock(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
        vm.reload();
        assertThat(vm.lastCheckedProperty().get()).isEqualTo(at);
        assertThat(vm.localOriginProperty().get()).isEqualTo(DashboardViewModel.LocalOrigin.NONE);
    }

    @Test
    void uninstallNeedsTheExactNameAndAWrongOneTouchesNothing() {
        var context = ViewModelFixture.context(root);
        new InstallConfigStore(context.home()).save(InstallConfig.create("local", Target.LOCAL).withEngineUrl(ViewModelFixture.NOWHERE));
        var header = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { });
        header.reload();
        AtomicInteger changed = new AtomicInteger();
        var vm = new MaintenanceViewModel(EXECUTOR, Runnable::run, new Installs(context), header.connectionProperty(), I18N,
                new dev.arcrun.app.console.ConsoleViewModel(Runnable::run), changed::incrementAndGet);
        assertThat(vm.confirms("local")).isTrue();
        assertThat(vm.confirms("Local")).isFalse();
        assertThat(vm.confirms("local ")).isFalse();

        assertThat(vm.uninstall("locall")).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("The name does not match. Type local exactly to uninstall.");
        assertThat(new InstallConfigStore(context.home()).names()).containsExactly("local");
        assertThat(changed).hasValue(0);
        assertThat(vm.previousVersionProperty().get()).as("no earlier engine: no rollback").isEmpty();
    }

    @Test
    void withSeveralInstallsTheFirstIsShownAndPickingAnotherSwitchesTheConnection() {
        var context = ViewModelFixture.context(root);
        var store = new InstallConfigStore(context.home());
        store.save(InstallConfig.create("local", Target.LOCAL).withEngineUrl(ViewModelFixture.NOWHERE));
        store.save(InstallConfig.create("cloudflare", Target.CLOUDFLARE).withEngineUrl("https://arcrun-cypher-executor.example.invalid"));
        var vm = new DashboardViewModel(EXECUTOR, new Installs(context), () -> { });
        vm.reload();
        assertThat(vm.installNames()).containsExactly("cloudflare", "local");
        assertThat(vm.connectionProperty().get().config().target()).isEqualTo(Target.CLOUDFLARE);

        vm.selectedProperty().set("local");
        assertThat(vm.connectionProperty().get().config().name()).isEqualTo("local");
        assertThat(vm.engineVersionProperty().get()).as("never finished: no version").isEmpty();
    }
}
