package dev.arcrun.app.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arcrun.app.common.I18n;
import dev.arcrun.sdk.Arcrun;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineUnreachableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The SDK speaks English to developers and names environment variables; the app shows its failures in the user's
 * language with the app's own advice, never a command line.
 */
class SdkFailureWordsTest {
    private static final CoreWords CHINESE = new CoreWords(new I18n(Locale.TRADITIONAL_CHINESE));
    private static final CoreWords ENGLISH = new CoreWords(new I18n(Locale.ENGLISH));

    @Test
    void anEngineThatDoesNotAnswerReadsInChineseWithTheAppsAdvice() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        EngineUnreachableException e;
        try (EngineClient client = Arcrun.connect("http://127.0.0.1:" + closed, "an-api-key", null)) {
            e = catchThrowableOfType(EngineUnreachableException.class, client::health);
        }
        assertThat(e.kind()).isEqualTo(ArcrunException.Kind.ENGINE_UNREACHABLE);

        String zh = CHINESE.text(new RuntimeException("wrapped", e));
        assertThat(zh).contains("無法連上", "127.0.0.1:" + closed, "首頁").doesNotContain("arcrun ", "--", "Start");
        String en = ENGLISH.text(e);
        assertThat(en).startsWith("The engine is not reachable at http://127.0.0.1:" + closed)
                .contains("home page").doesNotContain("arcrun ", "--", "an-api-key");
    }

    @Test
    void everyKindOfSdkFailureHasTheAppsWordsInBothLanguages() {
        for (CoreWords words : List.of(ENGLISH, CHINESE)) {
            for (ArcrunException.Kind kind : ArcrunException.Kind.values()) {
                String text = words.text(new ArcrunException(kind, "http://127.0.0.1:8787", "English for developers.",
                        "Run `arcrun local start`."));
                assertThat(text).as("%s", kind).doesNotContain("!failure.", "!advice.", "{0}", "{1}", "arcrun ", "--");
                if (kind != ArcrunException.Kind.OTHER && kind != ArcrunException.Kind.ENGINE_REFUSED) {
                    assertThat(text).as("%s is worded by the catalog", kind).doesNotContain("English for developers");
                }
            }
        }
    }
}
