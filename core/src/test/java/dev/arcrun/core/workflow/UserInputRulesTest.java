package dev.arcrun.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one home of the workflow-file, run-input and credential-name rules that both faces use. */
class UserInputRulesTest {
    @TempDir
    Path tmp;

    @Test
    void badJsonSaysTheLineAndColumnWhereItBreaks() {
        var bad = (JsonDocument.Bad) JsonDocument.parseObject("{\n  \"name\": \"Ada\",\n  oops\n}");
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.column()).as("the o of oops").isEqualTo(3);
        assertThat(bad.reason()).isNotBlank();
        assertThat(JsonDocument.parseObject("")).isInstanceOf(JsonDocument.Bad.class);
        assertThat(JsonDocument.parseObject(null)).isInstanceOf(JsonDocument.Bad.class);
    }

    @Test
    void onlyAnObjectIsARunsInputOrAWorkflow() {
        assertThat(JsonDocument.parseObject("[1, 2]")).isEqualTo(new JsonDocument.NotAnObject("ARRAY"));
        assertThat(JsonDocument.parseObject("\"text\"")).isInstanceOf(JsonDocument.NotAnObject.class);
        var good = (JsonDocument.Good) JsonDocument.parseObject("{\"name\": \"Ada\"}");
        assertThat(good.value().path("name").asText()).isEqualTo("Ada");
    }

    @Test
    void aFileOverTheEnginesLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = tmp.resolve("big.json");
        // valid JSON of one byte over the limit: only the size can refuse it
        Files.writeString(big, "{\"a\":\"" + "x".repeat((int) WorkflowFile.MAX_BYTES - 7) + "\"}");
        assertThat(Files.size(big)).isEqualTo(WorkflowFile.MAX_BYTES + 1);
        assertThat(WorkflowFile.read(big)).isEqualTo(new WorkflowFile.TooLarge(WorkflowFile.MAX_BYTES + 1, 1_000_000));

        Path atLimit = tmp.resolve("limit.json");
        Files.writeString(atLimit, "{\"a\":\"" + "x".repeat((int) WorkflowFile.MAX_BYTES - 8) + "\"}");
        assertThat(WorkflowFile.read(atLimit)).isInstanceOf(WorkflowFile.Good.class);
    }

    @Test
    void aFileIsMissingBrokenOrNotAWorkflow() throws IOException {
        assertThat(WorkflowFile.read(tmp.resolve("none.json"))).isInstanceOf(WorkflowFile.Missing.class);
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\n  \"steps\": [,]\n}");
        var notJson = (WorkflowFile.NotJson) WorkflowFile.read(broken);
        assertThat(notJson.why()).isInstanceOfSatisfying(JsonDocument.Bad.class, b -> assertThat(b.line()).isEqualTo(2));
        Path list = Files.writeString(tmp.resolve("list.json"), "[]");
        assertThat(WorkflowFile.read(list)).isEqualTo(new WorkflowFile.NotJson(new JsonDocument.NotAnObject("ARRAY")));
        assertThat(WorkflowFile.read(tmp)).as("a folder").isInstanceOf(WorkflowFile.Unreadable.class);
    }

    @Test
    void credentialNamesFollowTheEnginesRule() {
        assertThat(CredentialName.isValid("openai_api_key")).isTrue();
        assertThat(CredentialName.isValid("_x.y-z")).isTrue();
        assertThat(CredentialName.isValid("a".repeat(128))).isTrue();
        assertThat(CredentialName.isValid("a".repeat(129))).isFalse();
        assertThat(CredentialName.isValid("-x")).isFalse();
        assertThat(CredentialName.isValid(".x")).isFalse();
        assertThat(CredentialName.isValid("has space")).isFalse();
        assertThat(CredentialName.isValid("")).isFalse();
        assertThat(CredentialName.isValid(null)).isFalse();
    }

    @Test
    void theRuleIsTheEnginesOwn() throws IOException {
        String ts = Files.readString(Path.of("../engine/workers/cypher-executor/src/credentials.ts"));
        assertThat(ts).contains("CREDENTIAL_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/");
    }
}
