package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void everyPageIsFollowedUntilTheLastOne() {
        Map<String, Page<String>> pages = Map.of("", new Page<>(List.of("a", "b"), "c1", true),
                "c1", new Page<>(List.of("c"), "c2", true), "c2", new Page<>(List.of("d"), null, false));
        List<String> asked = new ArrayList<>();
        List<String> all = Pages.all(cursor -> {
            asked.add(String.valueOf(cursor));
            return pages.get(cursor == null ? "" : cursor);
        });
        assertThat(all).containsExactly("a", "b", "c", "d");
        assertThat(asked).containsExactly("null", "c1", "c2");
    }

    @Test
    void anEngineThatRepeatsACursorDoesNotMakeTheClientLoop() {
        List<String> all = Pages.all(cursor -> new Page<>(List.of("x"), "same", true));
        assertThat(all).containsExactly("x", "x");
    }

    @Test
    void anOlderEngineAnswersOnePage() {
        assertThat(new Page<>(List.of("a"), null, false).hasMore()).isFalse();
        assertThat(new Page<>(List.of("a"), " ", true).hasMore()).as("a blank cursor leads nowhere").isFalse();
    }

    @Test
    void thePageQueryIsEncodedAndTheLimitBounded() {
        assertThat(Pages.query("/webhooks/named", null, null, null)).isEqualTo("/webhooks/named");
        assertThat(Pages.query("/webhooks/named", 10, "a+b/c=", "wf-1")).isEqualTo("/webhooks/named?limit=10&cursor=a%2Bb%2Fc%3D&prefix=wf-1");
        assertThat(Pages.query("/runs?workflow=w", 5, null, null)).isEqualTo("/runs?workflow=w&limit=5");
        assertThatThrownBy(() -> Pages.query("/runs", 1001, null, null)).hasMessageContaining("1 to 1000");
    }
}
