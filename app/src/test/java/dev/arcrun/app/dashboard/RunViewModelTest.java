package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.sdk.WorkflowSummary;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
    private final SimpleObjectProperty<WorkflowSummary> selected = new SimpleObjectProperty<>();
    private final RunViewModel vm = new RunViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), selected, I18N);

    @Test
    void inputIsCheckedAsJsonWhileTyping() {
        vm.inputProperty().set("{\"name\": ");
        assertThat(vm.inputErrorProperty().get()).startsWith("The input is not valid JSON (line 1, column");
        vm.inputProperty().set("[1, 2]");
        assertThat(vm.inputErrorProperty().get()).startsWith("The input must be a JSON object");
        vm.inputProperty().set("{\"name\": \"Ada\"}");
        assertThat(vm.inputErrorProperty().get()).isEmpty();
    }

    @Test
    void badJsonIsNeverSent() {
        selected.set(new WorkflowSummary("hello", "", 3, null));
        vm.inputProperty().set("{oops}");
        vm.run();
        assertThat(vm.errorProperty().get()).startsWith("The input is not valid JSON").doesNotContain("127.0.0.1");
        assertThat(vm.trace()).isEmpty();
    }

    @Test
    void runningNeedsAWorkflow() {
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo("Choose a workflow first.");
    }

    @Test
    void validInputIsSentAndAnUnreachableEngineSaysSo() {
        selected.set(new WorkflowSummary("hello", "", 3, null));
        vm.inputProperty().set("{}");
        vm.run();
        assertThat(vm.errorProperty().get()).contains("127.0.0.1:9");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
