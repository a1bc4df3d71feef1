package dev.arcrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.engineclient.SdkFailures;
import dev.arcrun.sdk.ArcrunException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The SDK's failures in the CLI: core's facts in the user's language, with the CLI's commands for what to do. */
class SdkFailureCliTest {

    @Test
    void anEngineThatDoesNotAnswerNamesTheCommandThatStartsIt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        dev.arcrun.sdk.EngineUnreachableException e;
        try (var client = dev.arcrun.sdk.Arcrun.connect("http://127.0.0.1:" + closed, "key-of-that-engine", null)) {
            e = org.assertj.core.api.Assertions.catchThrowableOfType(dev.arcrun.sdk.EngineUnreachableException.class, client::health);
        }
        // the user's language (LANG), the CLI's command for what to do, no key and no stack trace
        assertThat(ArcrunCli.describe(e)).contains("http://127.0.0.1:" + closed, "arcrun local start")
                .doesNotContain("key-of-that-engine", "Exception");
    }

    @Test
    void everyKindReadsInBothLanguagesAndActionsAreCommands() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-TW"))) {
            Words words = new Words(l);
            for (ArcrunException.Kind kind : ArcrunException.Kind.values()) {
                var facts = SdkFailures.facts(new ArcrunException(kind, "http://127.0.0.1:8787", "m", "a"));
                String text = words.oneLine(facts);
                assertThat(text).as("%s %s", kind, l).doesNotContain("!failure.", "!advice.", "{0}");
                if (facts.adviceFact().code().action()) {
                    assertThat(words.advice(facts.adviceFact())).as("%s %s", kind, l).containsAnyOf("arcrun ", "--api-url").doesNotContain("Maintenance", "home page");
                }
            }
        }
        assertThat(new Words(Locale.forLanguageTag("zh-TW")).oneLine(SdkFailures.facts(
                new ArcrunException(ArcrunException.Kind.ENGINE_UNREACHABLE, "http://127.0.0.1:8787", "m", "a"))))
                .contains("無法連上", "arcrun local start");
    }
}
