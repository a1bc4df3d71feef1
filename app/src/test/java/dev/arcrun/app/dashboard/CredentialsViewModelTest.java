package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsViewModelTest {
    private final CredentialsViewModel vm = new CredentialsViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), I18N);

    @Test
    void anEmptyNameIsRefusedAndTheTypedValueIsKeptForTheNextTry() {
        vm.newNameProperty().set("   ");
        vm.newValueProperty().set("s3cret");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("Give the credential a name.");
        assertThat(vm.errorDetailsProperty().get()).as("nothing more to tell").isEmpty();
        assertThat(vm.newValueProperty().get()).as("not to be pasted again").isEqualTo("s3cret");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aNameTheEngineWouldRefuseIsExplainedHere() {
        vm.newNameProperty().set("my key");
        vm.newValueProperty().set("s3cret");
        vm.add();
        assertThat(vm.errorProperty().get()).startsWith("A name may use letters, digits");
        assertThat(vm.newValueProperty().get()).isEqualTo("s3cret");
    }

    @Test
    void anEmptyValueIsRefused() {
        vm.newNameProperty().set("openai_api_key");
        vm.newValueProperty().set("");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("Type the value to store.");
        assertThat(vm.newNameProperty().get()).as("the name stays for another try").isEqualTo("openai_api_key");
    }

    @Test
    void aValidCredentialIsSentAndAnUnreachableEngineIsReportedWithoutTheValue() {
        vm.newNameProperty().set("openai_api_key");
        vm.newValueProperty().set("sk-do-not-show");
        vm.add();
        assertThat(vm.errorProperty().get()).contains("127.0.0.1:9").doesNotContain("sk-do-not-show");
        assertThat(vm.newValueProperty().get()).as("kept to try again once the engine answers").isEqualTo("sk-do-not-show");
        assertThat(vm.errorDetailsProperty().get()).as("the Details view: raw, copyable, never the value")
                .contains("EngineUnreachableException").doesNotContain("sk-do-not-show");
    }

    @Test
    void theListSaysLoadingWhileItLoadsAndUnreachableWithWhyWhenTheEngineDoesNotAnswer() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        dev.arcrun.app.common.TaskExecutor later = new dev.arcrun.app.common.TaskExecutor() {
            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                                    java.util.function.Consumer<Throwable> onFailure) {
                queued.add(() -> EXECUTOR.execute(work, onSuccess, onFailure));
            }
        };
        CredentialsViewModel loading = new CredentialsViewModel(later, ViewModelFixture.connectedNowhere(), I18N);

        loading.refresh();
        assertThat(loading.stateProperty().getValue()).isEqualTo(ListState.LOADING);
        assertThat(ListState.placeholder(loading.stateProperty().getValue(), I18N, "dashboard.creds.empty"))
                .as("never 'No credentials yet' before the engine answered").isEqualTo("Loading…");

        queued.forEach(Runnable::run);
        assertThat(loading.stateProperty().getValue()).isInstanceOfSatisfying(ListState.Unreachable.class,
                u -> assertThat(u.why()).contains("127.0.0.1:9"));
        assertThat(ListState.placeholder(loading.stateProperty().getValue(), I18N, "dashboard.creds.empty"))
                .startsWith("The engine did not answer:");
    }

    @Test
    void anInstallWithoutAnEngineSaysSoInsteadOfAnEmptyList() {
        var config = dev.arcrun.core.config.InstallConfig.create("cloudflare", dev.arcrun.core.config.Target.CLOUDFLARE);
        var unfinished = new javafx.beans.property.ReadOnlyObjectWrapper<>(new Connection(config, null));
        CredentialsViewModel vm = new CredentialsViewModel(EXECUTOR, unfinished, I18N);

        vm.refresh();

        assertThat(ListState.placeholder(vm.stateProperty().getValue(), I18N, "dashboard.creds.empty"))
                .isEqualTo("This install has no engine yet: finish the install first.");
    }
}
