package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.cloudflare.OptionsPageModel.SourceKind;
import dev.arcrun.app.common.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OptionsPageModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final InstallDraft draft = new InstallDraft();
    private final OptionsPageModel page = new OptionsPageModel(draft, i18n);

    @Test
    void theDefaultsAreValidAndNameTheStandardInstall() {
        assertThat(page.validProperty().get()).isTrue();
        assertThat(page.summaryProperty().get()).contains("\"cloudflare\"", "\"arcrun-credentials\"", "\"arcrun-components\"");
        page.commit();
        assertThat(draft.installOptions().name()).isEqualTo("cloudflare");
        assertThat(draft.installOptions().source()).isEqualTo("builtin");
        assertThat(draft.installOptions().prefix()).isEqualTo("arcrun-");
    }

    @Test
    void finishingAStoppedInstallShowsTheChoicesItWasStartedWith() {
        draft.resume("cloudflare-team2", "team2-", "github:arcrun/arcrun@v1.2.0", null);
        page.enter();
        assertThat(page.prefixProperty().get()).isEqualTo("team2-");
        assertThat(page.kindProperty().get()).isEqualTo(SourceKind.GITHUB);
        assertThat(page.githubProperty().get()).isEqualTo("arcrun/arcrun@v1.2.0");
    }

    @Test
    void whatWasTypedStaysWhenThePageIsShownAgain() {
        page.prefixProperty().set("team3-");
        page.enter(); // Back from the review page
        assertThat(page.prefixProperty().get()).isEqualTo("team3-");
    }

    @Test
    void thePrefixMustMakeValidCloudflareNames() {
        for (String bad : new String[] {"", "Arcrun-", "-x", "has space", "ü-", "a".repeat(42)}) {
            page.prefixProperty().set(bad);
            assertThat(page.validProperty().get()).as(bad).isFalse();
            assertThat(page.prefixErrorProperty().get()).as(bad).isEqualTo(i18n.get("cf.options.prefix.invalid"));
        }
        page.prefixProperty().set("team-b-");
        assertThat(page.validProperty().get()).isTrue();
        assertThat(page.summaryProperty().get()).contains("\"cloudflare-team-b\"", "\"team-b-components\"");
    }

    @Test
    void eachEngineSourceIsCheckedAsTyped() {
        page.kindProperty().set(SourceKind.GITHUB);
        assertThat(page.validProperty().get()).isFalse();
        page.githubProperty().set("arcrun/arcrun");
        assertThat(page.sourceErrorProperty().get()).isEqualTo(i18n.get("cf.options.github.invalid"));
        page.githubProperty().set("arcrun/arcrun@v1.2.0");
        assertThat(page.validProperty().get()).isTrue();
        page.commit();
        assertThat(draft.installOptions().source()).isEqualTo("github:arcrun/arcrun@v1.2.0");

        page.kindProperty().set(SourceKind.URL);
        page.urlProperty().set("ftp://example.org/e.tar.gz");
        assertThat(page.sourceErrorProperty().get()).isEqualTo(i18n.get("cf.options.url.invalid"));
        page.urlProperty().set("https://example.org/engine.tar.gz");
        assertThat(page.validProperty().get()).isTrue();

        page.kindProperty().set(SourceKind.FILE);
        page.fileProperty().set("/home/ada/notes.txt");
        assertThat(page.sourceErrorProperty().get()).isEqualTo(i18n.get("cf.options.file.invalid"));
        page.fileProperty().set("/home/ada/engine.tar.gz");
        assertThat(page.validProperty().get()).isTrue();
        page.commit();
        assertThat(draft.installOptions().source()).isEqualTo("/home/ada/engine.tar.gz");

        page.kindProperty().set(SourceKind.BUILTIN);
        assertThat(page.validProperty().get()).as("the other fields no longer matter").isTrue();
    }

    @Test
    void theSummaryFollowsThePrefixOnlySoTheLayoutStaysPutWhileASourceIsTyped() {
        String before = page.summaryProperty().get();
        page.kindProperty().set(SourceKind.URL);
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.summaryProperty().get()).isEqualTo(before);
        page.prefixProperty().set("Bad");
        assertThat(page.summaryProperty().get()).isEmpty();
    }
}
