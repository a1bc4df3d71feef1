package dev.arcrun.app.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The app words core's facts: core's catalog for what happened, its own words (buttons, pages) for what to do. */
class CoreWordsTest {
    @Test
    void everyActionHasTheAppsOwnWordsInBothLanguagesAndNoneNamesACommandLine() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            CoreWords words = new CoreWords(new I18n(l));
            for (Advice.Code c : Advice.Code.values()) {
                if (c.action()) {
                    assertThat(words.advice(Advice.of(c, "builtin", "home"))).as("%s in %s", c, l)
                            .doesNotStartWith("!").doesNotContain("{0}", "{1}", "--", "arcrun ");
                }
            }
        }
    }

    @Test
    void aFailureReadsInTheAppsLanguageWithTheAppsAdvice() {
        var e = new UserFacingException(Failure.of(Failure.Code.TARGET_MISMATCH, "home", Target.CLOUDFLARE, Target.LOCAL),
                Advice.of(Advice.Code.OTHER_NAME));
        assertThat(new CoreWords(new I18n(Locale.TRADITIONAL_CHINESE)).text(new RuntimeException(e)))
                .isEqualTo("安裝「home」執行於Cloudflare，而不是這台電腦。 請為這次安裝選擇另一個名稱。");
        assertThat(new CoreWords(new I18n(Locale.ENGLISH)).text(e))
                .isEqualTo("The install 'home' runs on Cloudflare, not on this computer. Choose another name for the install.");
    }
}
