package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunResultDurationTest {
    private static final String STEPS = "\"trace\": [{\"step\": \"a\", \"duration_ms\": 5}, {\"step\": \"b\", \"duration_ms\": 9}]";

    @Test
    void theRunsOwnDurationWinsOverTheSumOfItsSteps() throws Exception {
        RunResult r = EngineHttp.JSON.readValue("{\"success\": true, \"run_id\": \"r1\", " + STEPS + ", \"duration_ms\": 18}",
                RunResult.class);
        assertThat(r.durationMs()).isEqualTo(18L);
        assertThat(r.totalMs()).as("the figure Recent runs shows").isEqualTo(18);
    }

    @Test
    void anEngineThatGivesNoDurationFallsBackToTheSteps() throws Exception {
        RunResult r = EngineHttp.JSON.readValue("{\"success\": true, \"run_id\": \"r1\", " + STEPS + "}", RunResult.class);
        assertThat(r.totalMs()).isEqualTo(14);
    }
}
