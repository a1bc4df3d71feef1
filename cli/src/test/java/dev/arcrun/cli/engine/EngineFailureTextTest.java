package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.engineclient.EngineErrorCode;
import dev.arcrun.core.engineclient.EngineFailure;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The CLI says what to do about an engine failure with its commands, in English or Traditional Chinese. */
class EngineFailureTextTest {
    private static final EngineFailureText EN = new EngineFailureText(Locale.ROOT);
    private static final EngineFailureText ZH = new EngineFailureText(Locale.TRADITIONAL_CHINESE);

    @Test
    void aServiceThatIsNotSetUpNamesTheCommandThatSetsItUp() {
        EngineFailure f = new EngineFailure(EngineErrorCode.CREDENTIAL_MISSING, "credential_missing", "x", "github", "GitHub", null);
        assertThat(EN.of(f)).isEqualTo("GitHub is not set up yet: set it up with `arcrun services setup github`");
        assertThat(ZH.of(f)).isEqualTo("GitHub 尚未設定：請用 `arcrun services setup github` 設定它");
    }

    @Test
    void everyFailureRendersWithoutPlaceholdersOrButtons() {
        for (EngineFailureText text : new EngineFailureText[] {EN, ZH}) {
            for (EngineErrorCode code : EngineErrorCode.values()) {
                for (EngineFailure f : new EngineFailure[] {new EngineFailure(code, code.wire(), "d", "svc", null, "10.0.0.1:80"),
                        new EngineFailure(code, code.wire(), "d", null, null, null)}) {
                    assertThat(text.of(f)).as("%s", f).doesNotContain("{", "tab", "button", "分頁", "按鈕");
                }
            }
        }
    }
}
