package dev.arcrun.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDestinationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void listsHttpStepsAndRecipeStepsAndMarksTemplatedHostsAsDecidedAtRunTime() throws Exception {
        JsonNode wf = json("""
                {"steps": [
                  {"id": "a", "component": "template", "input": {"template": "hi"}},
                  {"id": "b", "component": "http_request", "service": "github",
                   "input": {"url": "https://API.github.com/repos/{{input.owner}}"}},
                  {"id": "c", "component": "telegram_send", "input": {"text": "x"}},
                  {"id": "d", "component": "http_request", "input": {"url": "{{input.url}}"}},
                  {"id": "e", "component": "http_request", "input": {"url": "http://{{input.host}}/x"}},
                  {"id": "f", "component": "http_request", "input": {"url": "http://127.0.0.1:8080/a"}},
                  {"id": "g", "component": "http_request", "input": {"url": "not-a-url"}}
                ]}""");
        JsonNode telegram = json("""
                {"id": "telegram_send", "service": "telegram",
                 "request": {"method": "POST", "url": "https://api.telegram.org/bot{{telegram_bot_token}}/sendMessage"}}""");

        List<DataDestinations.Destination> found = DataDestinations.of(wf, Map.of("telegram_send", telegram));

        assertThat(found).extracting(DataDestinations.Destination::step).containsExactly("b", "c", "d", "e", "f");
        assertThat(found.get(0)).isEqualTo(new DataDestinations.Destination("b", "http_request", "api.github.com", null, "github"));
        assertThat(found.get(1).host()).isEqualTo("api.telegram.org");
        assertThat(found.get(1).service()).isEqualTo("telegram");
        assertThat(found.get(2).decidedAtRunTime()).isTrue();
        assertThat(found.get(2).address()).isEqualTo("{{input.url}}");
        assertThat(found.get(3).decidedAtRunTime()).isTrue();
        assertThat(DataDestinations.hosts(found)).containsExactly("api.github.com", "api.telegram.org", "127.0.0.1:8080");
    }

    @Test
    void aWorkflowThatStaysInsideTheEngineSendsNothingOut() throws Exception {
        JsonNode wf = json("""
                {"steps": [{"id": "g", "component": "template", "input": {"template": "x"}},
                           {"id": "w", "component": "word_count", "input": {"text": "x"}}]}""");
        assertThat(DataDestinations.of(wf, Map.of())).isEmpty();
    }
}
