package dev.arcrun.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.workflow.WorkflowText.Bad;
import dev.arcrun.core.workflow.WorkflowText.Format;
import dev.arcrun.core.workflow.WorkflowText.Good;
import dev.arcrun.core.workflow.WorkflowText.Problem;
import org.junit.jupiter.api.Test;

class WorkflowTextTest {
    @Test
    void aJsonSyntaxErrorSaysItsLineAndColumn() {
        var checked = WorkflowText.check("{\n  \"name\": \"a\",\n  \"steps\": [,]\n}", Format.JSON);
        assertThat(checked).isInstanceOfSatisfying(Bad.class, b -> {
            assertThat(b.problem()).isEqualTo(Problem.SYNTAX);
            assertThat(b.line()).isEqualTo(3);
            assertThat(b.column()).isEqualTo(13);
        });
    }

    @Test
    void aYamlSyntaxErrorSaysItsLineToo() {
        var checked = WorkflowText.check("name: a\nsteps:\n  - id: x\n   component: template\n", Format.YAML);
        assertThat(checked).isInstanceOfSatisfying(Bad.class, b -> {
            assertThat(b.problem()).isEqualTo(Problem.SYNTAX);
            assertThat(b.line()).isEqualTo(4);
            assertThat(b.column()).isPositive();
        });
    }

    @Test
    void theSameWorkflowReadsAlikeInBothLanguages() {
        var json = WorkflowText.check("{\"name\": \"hi\", \"steps\": [{\"id\": \"s\", \"component\": \"template\"}]}", Format.JSON);
        var yaml = WorkflowText.check("name: hi\nsteps:\n  - id: s\n    component: template\n", Format.YAML);
        assertThat(json).isInstanceOf(Good.class).isEqualTo(yaml);
    }

    @Test
    void aDocumentThatIsNoWorkflowSaysWhatIsMissing() {
        assertThat(WorkflowText.check("  ", Format.JSON)).isEqualTo(new Bad(Problem.EMPTY, 1, 1, ""));
        assertThat(WorkflowText.check("[1]", Format.JSON)).extracting(c -> ((Bad) c).problem()).isEqualTo(Problem.NOT_AN_OBJECT);
        assertThat(WorkflowText.check("steps: []", Format.YAML)).extracting(c -> ((Bad) c).problem()).isEqualTo(Problem.NO_NAME);
        assertThat(WorkflowText.check("{\"name\": \"a\"}", Format.JSON)).extracting(c -> ((Bad) c).problem()).isEqualTo(Problem.NO_STEPS);
    }
}
