package dev.arcrun.core.engineclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.ServiceTestResult;
import dev.arcrun.sdk.StepError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code the engine's TypeScript can send has a sentence in core's catalog, in both languages, and every
 * code core knows is one the engine still sends.
 */
public class EngineErrorCodesTest {
    private static final Path ENGINE = Path.of("../engine");
    /** How the engine names a code: an ApiError, errorResponse or StepError, a fallback, or a {code: "…"} literal. */
    private static final List<Pattern> CODE_SITES = List.of(
            Pattern.compile("new ApiError\\(\\s*\\d+\\s*,\\s*\"([a-z][a-z0-9_]*)\""),
            Pattern.compile("errorResponse\\(\\s*\\d+\\s*,\\s*\"([a-z][a-z0-9_]*)\""),
            Pattern.compile("new StepError\\(\\s*\"([a-z][a-z0-9_]*)\""),
            Pattern.compile("new StepError\\([^;]*?\\?\\?\\s*\"([a-z][a-z0-9_]*)\""),
            Pattern.compile("\\bcode\\s*:\\s*\"([a-z][a-z0-9_]*)\""));
    /** {@code const code = … ? "a" : "b";} in the runner: every literal of it. */
    private static final Pattern CODE_CHOICE = Pattern.compile("const code = ([^;]*);");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*)\"");

    static Set<String> engineCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path root : List.of(ENGINE.resolve("workers"), ENGINE.resolve("lib"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ts") && !p.toString().contains("generated")
                        && !p.toString().contains("node_modules")).toList()) {
                    String ts = Files.readString(f);
                    for (Pattern p : CODE_SITES) {
                        Matcher m = p.matcher(ts);
                        while (m.find()) {
                            codes.add(m.group(1));
                        }
                    }
                    Matcher choice = CODE_CHOICE.matcher(ts);
                    while (choice.find()) {
                        Matcher lit = LITERAL.matcher(choice.group(1));
                        while (lit.find()) {
                            codes.add(lit.group(1));
                        }
                    }
                }
            }
        }
        return codes;
    }

    /** Every catalog key an engine failure can render with. */
    public static Set<String> everyEngineFailureKey() {
        Set<String> keys = new TreeSet<>();
        for (EngineErrorCode code : EngineErrorCode.values()) {
            keys.add(code.messageKey());
            keys.add(new EngineFailure(code, code.wire(), "d", null, null, null).messageKey());
        }
        return keys;
    }

    @Test
    void everyCodeTheEngineSendsIsKnownAndEveryKnownCodeIsSent() throws IOException {
        Set<String> sent = engineCodes();
        assertThat(sent).as("the scan found the engine's codes").contains("credential_missing", "host_not_allowed",
                "private_host_refused", "internal_error", "template_failed", "step_failed", "test_call_refused");
        Set<String> unknown = new TreeSet<>();
        for (String code : sent) {
            if (EngineErrorCode.of(code) == EngineErrorCode.OTHER) {
                unknown.add(code);
            }
        }
        assertThat(unknown).as("engine codes without a sentence: add them to EngineErrorCode and core's catalog").isEmpty();
        Set<String> known = new TreeSet<>();
        Arrays.stream(EngineErrorCode.values()).filter(c -> c != EngineErrorCode.OTHER).forEach(c -> known.add(c.wire()));
        assertThat(known).as("codes the engine no longer sends").isSubsetOf(sent);
    }

    @Test
    void everyFailureRendersInBothLanguagesWithItsFacts() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.TRADITIONAL_CHINESE}) {
            Messages m = new Messages(locale);
            for (EngineErrorCode code : EngineErrorCode.values()) {
                EngineFailure named = new EngineFailure(code, code.wire(), "DETAIL", "svc", "Svc Name", "10.0.0.1:80");
                EngineFailure bare = new EngineFailure(code, code.wire(), "DETAIL", null, null, null);
                for (EngineFailure f : List.of(named, bare)) {
                    String text = m.render(f);
                    assertThat(text).as("%s in %s", f.messageKey(), locale).doesNotStartWith("!")
                            .doesNotContain("{").doesNotEndWith(".").doesNotEndWith("。");
                    assertThat(text.contains("DETAIL")).as("%s quotes the engine's message exactly when detailed", f.messageKey())
                            .isEqualTo(code.detailed());
                }
            }
        }
    }

    @Test
    void aRunWhoseServiceIsNotSetUpNamesTheService() throws IOException {
        RunResult run = new ObjectMapper().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .findAndRegisterModules().readValue("""
                {"success":false,"run_id":"r1","status":"error","output":null,
                 "error":{"code":"credential_missing","message":"The credential 'github_token' is not stored: push it with POST /credentials first.","step":"me"},
                 "trace":[{"step":"me","component":"http_request","service":"github","status":"error",
                   "started_at":"2026-12-01T10:00:00.000Z","duration_ms":2,"input":{"url":"https://api.github.com/user"},
                   "output":null,"error":{"code":"credential_missing","message":"…"}}]}""", RunResult.class);
        EngineFailure f = EngineFailure.ofRun(run.error(), run.trace()).withServiceName("GitHub");
        assertThat(f.code()).isEqualTo(EngineErrorCode.CREDENTIAL_MISSING);
        assertThat(f.advice()).isEqualTo(EngineAdvice.SET_UP_SERVICE);
        assertThat(f.host()).isEqualTo("api.github.com:443");
        assertThat(new Messages(Locale.ROOT).render(f)).isEqualTo("GitHub is not set up yet");
        assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(f)).isEqualTo("GitHub 尚未設定");
        assertThat(f.args()[4]).as("commands get the id").isEqualTo("github");
    }

    @Test
    void aPrivateHostIsNamedWithItsPortAndTheEnginesRouteIsNot() {
        StepError e = new StepError("private_host_refused", "127.0.0.1 is loopback; … (PUT /settings {…}). Nothing was sent.", "call");
        var trace = List.of(new dev.arcrun.sdk.TraceStep("call", "http_request", null, dev.arcrun.sdk.StepStatus.ERROR, null, 1,
                new ObjectMapper().createObjectNode().put("url", "http://127.0.0.1:8080/x"), null, null));
        EngineFailure f = EngineFailure.ofRun(e, trace);
        assertThat(f.host()).isEqualTo("127.0.0.1:8080");
        assertThat(new Messages(Locale.ROOT).render(f)).startsWith("127.0.0.1:8080 is on this computer").doesNotContain("/settings");
    }

    @Test
    void anUnknownCodeShowsTheEnginesCodeAndMessage() {
        EngineFailure f = EngineFailure.ofServiceTest(new ServiceTestResult(false, "x", null, new StepError("brand_new", "Something new.", null)));
        assertThat(f.code()).isEqualTo(EngineErrorCode.OTHER);
        assertThat(new Messages(Locale.ROOT).render(f)).isEqualTo("The engine refused (brand_new): Something new");
    }
}
