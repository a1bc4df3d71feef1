package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerNamesTest {

    @Test
    void theDefaultPrefixKeepsTheBundlesNames() {
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-")).isEqualTo("arcrun-registry");
        assertThat(WorkerNames.deployed("helper", "arcrun-")).isEqualTo("helper");
    }

    @Test
    void anotherPrefixReplacesTheLeadingArcrunOrPrecedesTheWholeName() {
        assertThat(WorkerNames.deployed("arcrun-registry", "team2-")).isEqualTo("team2-registry");
        assertThat(WorkerNames.deployed("arcrun-cypher-executor", "team2-")).isEqualTo("team2-cypher-executor");
        assertThat(WorkerNames.deployed("helper", "team2-")).isEqualTo("team2-helper");
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-team2-")).isEqualTo("arcrun-team2-registry");
    }

    @Test
    void aNameAnEarlierInjectionWroteStaysAsItIs() {
        for (String prefix : new String[] {"team2-", "arcrun-team2-", "x"}) {
            String once = WorkerNames.deployed("arcrun-registry", prefix);
            assertThat(WorkerNames.deployed(once, prefix)).as(prefix).isEqualTo(once);
        }
    }
}
