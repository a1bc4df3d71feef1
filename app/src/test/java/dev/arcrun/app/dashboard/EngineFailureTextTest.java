package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.engineclient.EngineErrorCode;
import dev.arcrun.core.engineclient.EngineFailure;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The app says what to do about an engine failure with its own pages and tabs, never a command or a route. */
class EngineFailureTextTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final I18n ZH = new I18n(Locale.TRADITIONAL_CHINESE);

    private static EngineFailure failure(EngineErrorCode code, String detail) {
        return new EngineFailure(code, code.wire(), detail, "github", "GitHub", "127.0.0.1:8080");
    }

    @Test
    void aServiceThatIsNotSetUpPointsToTheServicesTab() {
        EngineFailure f = failure(EngineErrorCode.CREDENTIAL_MISSING, "The credential 'github_token' is not stored: push it with POST /credentials first");
        assertThat(EngineFailureText.of(EN, f)).isEqualTo("GitHub is not set up yet: set it up on the Services tab");
        assertThat(EngineFailureText.of(ZH, f)).isEqualTo("GitHub 尚未設定：請在「服務」分頁設定它");
    }

    @Test
    void noFailureTextNamesACommandOrARoute() {
        for (I18n i18n : new I18n[] {EN, ZH}) {
            for (EngineErrorCode code : EngineErrorCode.values()) {
                for (EngineFailure f : new EngineFailure[] {failure(code, "detail"),
                        new EngineFailure(code, code.wire(), "detail", null, null, null)}) {
                    String text = EngineFailureText.of(i18n, f);
                    assertThat(text).as("%s", f).doesNotContain("arcrun ", "--", "`", "POST ", "PUT ", "/settings", "!engine")
                            .doesNotContain("{");
                }
            }
        }
    }

    @Test
    void aDetailedCauseKeepsTheEnginesReasonAndTheAdviceFollowsIt() {
        assertThat(EngineFailureText.of(EN, failure(EngineErrorCode.INVALID_WORKFLOW, "steps must be a non-empty list")))
                .isEqualTo("The workflow is not valid: steps must be a non-empty list (change the workflow and add it again)");
        assertThat(EngineFailureText.of(EN, failure(EngineErrorCode.PRIVATE_HOST_REFUSED, "")))
                .startsWith("127.0.0.1:8080 is on this computer").endsWith("allow 127.0.0.1:8080 in the engine's settings");
        assertThat(EngineFailureText.of(EN, failure(EngineErrorCode.ALREADY_REGISTERED, "")))
                .isEqualTo("The engine has handed out its keys already.");
    }
}
