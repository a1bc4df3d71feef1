package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.arcrun.cli.InProcessCli.run;

import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.sdk.Recipe;
import dev.arcrun.sdk.RequiredSecret;
import dev.arcrun.sdk.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine commands do before any engine is involved: input checks, parsing, rendering. */
class EngineCommandsOfflineTest {
    @Test
    void pushOfAMissingFileSaysSo(@TempDir Path dir) {
        Result r = run("--api-url", "http://127.0.0.1:9", "workflows", "push", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("arcrun: There is no file").contains("nope.json");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void pushOfBrokenJsonSaysWhere(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("wf.json"), "{\n  \"name\": \"x\",\n  steps: []\n}");
        Result r = run("--api-url", "http://127.0.0.1:9", "workflows", "push", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is not valid JSON", "line 3");
    }

    @Test
    void runInputMustBeAJsonObject() {
        Result r = run("--api-url", "http://127.0.0.1:9", "workflows", "run", "hello", "--input", "[1]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--input must be a JSON object");
        Result bad = run("--api-url", "http://127.0.0.1:9", "workflows", "run", "hello", "--input", "{nope");
        assertThat(bad.err()).contains("--input is not valid JSON");
    }

    @Test
    void aBadCredentialNameIsAUsageErrorBeforeAnyValueIsAsked() {
        // the engine is not reachable: a refusal here comes from core's rule, not from the engine
        Result r = run("--api-url", "http://127.0.0.1:9", "creds", "push", "bad name!");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a credential name").doesNotContain("Value for");
    }

    @Test
    void brokenRunInputFileSaysLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("in.json"), "{\n  \"a\": 1,\n  oops\n}");
        Result r = run("--api-url", "http://127.0.0.1:9", "workflows", "run", "hello", "--input-file", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not valid JSON", "(line 3, column 3)");
    }

    @Test
    void apiUrlIsAcceptedBeforeOrAfterTheCommand() {
        // Port 9 (discard) is closed on loopback: both spellings must reach the client and fail the same honest way.
        Result before = run("--api-url", "http://127.0.0.1:9", "services", "list");
        Result after = run("services", "list", "--api-url", "http://127.0.0.1:9");
        for (Result r : List.of(before, after)) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).containsAnyOf("No api key", "not reachable at http://127.0.0.1:9");
        }
    }

    @Test
    void keysCannotBeGivenAsArguments() {
        Result r = run("--api-url", "http://127.0.0.1:9", "creds", "list", "--api-key", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "'--api-key'");

        // a real key typed there is not printed back (terminal scrollback, a CI log)
        String key = "sk-test-0123456789abcdefghij";
        for (Result withKey : List.of(run("creds", "list", "--api-key", key), run("creds", "list", "--api-key=" + key),
                run("creds", "push", "openai_api_key", key))) {
            assertThat(withKey.exit()).isEqualTo(2);
            assertThat(withKey.err()).as(withKey.toString()).doesNotContain("0123456789").doesNotContain("abcdefghij");
        }
        assertThat(run("creds", "list", "--api-key", key).err()).contains("'--api-key'", "a value of 28 characters");
    }

    @Test
    void setupLinesMapKeysAndABareValue() {
        Recipe openai = new Recipe("openai", "OpenAI", null, List.of(new RequiredSecret("openai_api_key", "API key")),
                null, List.of("api.openai.com"), null);
        assertThat(ServicesCommand.fromLines(openai, List.of("sk-abc==")).keySet()).containsExactly("openai_api_key");
        assertThat(ServicesCommand.fromLines(openai, List.of("api_key=sk-a=b")).get("api_key").reveal()).isEqualTo("sk-a=b");
        assertThat(ServicesCommand.fromLines(openai, List.of("token=x", "api_key=y")).keySet()).contains("token");
        // A mistyped key is a key, not the value: it must fail in setup, never be stored as the api key.
        assertThat(ServicesCommand.fromLines(openai, List.of("password=hunter2")).keySet()).containsExactly("password");
    }

    @Test
    void traceTableShowsEveryStepAndTheError() throws Exception {
        RunResult r = Output.JSON.readValue("""
                {"success":false,"run_id":"run_1","status":"error","output":null,
                 "error":{"code":"credential_missing","message":"The credential 'github_token' is not stored.","step":"call"},
                 "trace":[
                  {"step":"greet","component":"template","status":"ok","started_at":"2026-11-26T10:00:00.000Z",
                   "duration_ms":3,"input":{"template":"hi"},"output":"hi","error":null},
                  {"step":"maybe","component":"if","status":"skipped","started_at":"2026-11-26T10:00:00.003Z",
                   "duration_ms":0,"input":null,"output":null,"error":null},
                  {"step":"call","component":"http_request","service":"github","status":"error","started_at":"2026-11-26T10:00:00.004Z",
                   "duration_ms":12,"input":{},"output":null,"error":{"code":"credential_missing","message":"boom"}}]}
                """, RunResult.class);
        StringWriter s = new StringWriter();
        TraceTable.print(new PrintWriter(s), dev.arcrun.cli.i18n.Words.ENGLISH, "demo", r, new EngineFailureText(java.util.Locale.ROOT)
                .of(dev.arcrun.core.engineclient.EngineFailure.ofRun(r.error(), r.trace()).withServiceName("GitHub")));
        String text = s.toString();
        assertThat(text).contains("Run FAILED run_1 of demo", "STEP", "greet", "template", "ok", "3 ms", "skipped",
                "call", "error", "boom (credential_missing)",
                "Error at step call: GitHub is not set up yet: set it up with `arcrun services setup github`");
        assertThat(text.lines().filter(l -> l.startsWith("greet")).findFirst().orElseThrow()).endsWith("hi");
    }
}
