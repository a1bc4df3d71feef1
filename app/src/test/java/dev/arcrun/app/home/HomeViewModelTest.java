package dev.arcrun.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.core.UserFacingException;
import org.junit.jupiter.api.Test;

class HomeViewModelTest {
    @Test
    void startLocalShowsTheUrlAndIsNotBusyAfterwards() {
        var vm = new HomeViewModel(new CurrentThreadTaskExecutor(), Runnable::run, progress -> {
            progress.accept("Start the engine on this computer…");
            return "http://127.0.0.1:8787";
        }, () -> { }, () -> { });
        var seen = new java.util.ArrayList<String>();
        vm.progressProperty().addListener((o, was, now) -> seen.add(now));
        vm.startLocal();
        assertThat(seen).contains("Start the engine on this computer…");
        assertThat(vm.localUrlProperty().get()).isEqualTo("http://127.0.0.1:8787");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.progressProperty().get()).as("cleared once done").isEmpty();
    }

    @Test
    void failureShowsTheMessageWithItsAdviceAndNoUrl() {
        var vm = new HomeViewModel(new CurrentThreadTaskExecutor(), Runnable::run, progress -> {
            throw new UserFacingException("npm was not found.", "Install Node.js 22 from your package manager.");
        }, () -> { }, () -> { });
        vm.startLocal();
        assertThat(vm.errorProperty().get()).isEqualTo("npm was not found. Install Node.js 22 from your package manager.");
        assertThat(vm.localUrlProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theCloudflareCardAndOpenDashboardUseTheWindowsNavigation() {
        var wizard = new java.util.concurrent.atomic.AtomicInteger();
        var dashboard = new java.util.concurrent.atomic.AtomicInteger();
        var vm = new HomeViewModel(new CurrentThreadTaskExecutor(), Runnable::run, progress -> "http://127.0.0.1:8787",
                wizard::incrementAndGet, dashboard::incrementAndGet);
        vm.openCloudflareWizard();
        assertThat(wizard).hasValue(1);
        assertThat(dashboard).hasValue(0);
        vm.openDashboard();
        assertThat(dashboard).hasValue(1);
    }
}
