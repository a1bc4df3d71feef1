package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsViewModelTest {
    private final CredentialsViewModel vm = new CredentialsViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), I18N);

    @Test
    void anEmptyNameIsRefusedAndTheValueIsClearedAnyway() {
        vm.newNameProperty().set("   ");
        vm.newValueProperty().set("s3cret");
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("Give the credential a name.");
        assertThat(vm.newValueProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aNameTheEngineWouldRefuseIsExplainedHere() {
        vm.newNameProperty().set("my key");
        vm.newValueProperty().set("s3cret");
        vm.add();
        assertThat(vm.errorProperty().get()).startsWith("A name may use letters, digits");
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
        assertThat(vm.newValueProperty().get()).isEmpty();
    }
}
