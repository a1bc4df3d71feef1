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

    @Test
    void eachWorkflowKeepsItsOwnInputWhenTheUserSwitches() {
        WorkflowSummary hello = new WorkflowSummary("hello", "", 3, null);
        WorkflowSummary branching = new WorkflowSummary("branching", "", 3, null);
        selected.set(hello);
        vm.inputProperty().set("{\"name\": \"Ada\"}");
        selected.set(branching);
        assertThat(vm.inputProperty().get()).as("a workflow never seen starts empty").isEqualTo("{}");
        vm.inputProperty().set("{\"score\": 80}");
        selected.set(hello);
        assertThat(vm.inputProperty().get()).isEqualTo("{\"name\": \"Ada\"}");
        selected.set(branching);
        assertThat(vm.inputProperty().get()).isEqualTo("{\"score\": 80}");
    }

    @Test
    void anExamplesSampleInputWaitsForItsWorkflow() {
        vm.setInputFor("hello", "{\"name\": \"Ada\"}");
        assertThat(vm.inputProperty().get()).isEqualTo("{}");
        selected.set(new WorkflowSummary("hello", "", 3, null));
        assertThat(vm.inputProperty().get()).isEqualTo("{\"name\": \"Ada\"}");
    }
}
