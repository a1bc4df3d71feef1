package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenPageModelTest {
    private static final String TOKEN = "aVeryRealLookingCloudflareTokenValue0123";
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final FakeSetup setup = new FakeSetup();
    private final InstallDraft draft = new InstallDraft();
    private final List<String> browsed = new ArrayList<>();
    private final TokenPageModel page = new TokenPageModel(new CurrentThreadTaskExecutor(), setup, draft, i18n, browsed::add);

    @Test
    void aTokenForSeveralAccountsAsksWhichOneAndTheInstallGoesThere() {
        var team = new dev.arcrun.core.cloudflare.Account("fedcba9876543210fedcba9876543210", "Team");
        setup.choices = List.of(new dev.arcrun.core.cloudflare.Account("0123456789abcdef0123456789abcdef", "Ada"), team);
        page.tokenProperty().set(TOKEN);
        page.checkToken();
        assertThat(page.accounts()).hasSize(2);
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.errorProperty().get()).as("a question, not an error").isEmpty();

        page.chosenAccountProperty().set(team);
        assertThat(page.validProperty().get()).isTrue();
        assertThat(page.accountProperty().get()).isEqualTo("Team");
        page.commit();
        assertThat(draft.installOptions().accountId()).contains(team.id());
        assertThat(draft.accountLabel()).isEqualTo("Team");
    }

    @Test
    void aTokenWithEveryPermissionIsValidLeavesTheFieldAndGoesIntoTheDraftOnCommit() {
        assertThat(page.validProperty().get()).isFalse();
        page.tokenProperty().set("  " + TOKEN + "\n");
        page.checkToken();

        assertThat(setup.tokensChecked).containsExactly(TOKEN);
        assertThat(page.validProperty().get()).isTrue();
        assertThat(page.accountProperty().get()).isEqualTo("Ada's account");
        assertThat(page.permissions()).extracting(TokenPageModel.PermissionRow::cloudflareName).containsExactly(
                "Account › Workers Scripts › Edit", "Account › Workers KV Storage › Edit",
                "Account › Workers R2 Storage › Edit", "Account › Account Settings › Read");
        assertThat(page.tokenProperty().get()).as("the field is emptied after success").isEmpty();
        assertThat(page.errorProperty().get()).isEmpty();
        assertThat(draft.token()).as("only on commit").isEmpty();
        page.commit();
        assertThat(draft.token()).contains(TOKEN);
        page.commit(); // back to this page and Next again: the draft keeps it
        assertThat(draft.token()).contains(TOKEN);
        assertThat(draft.accountId()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aTokenWithoutR2ShowsThatGroupMissingAndStaysInvalid() {
        setup.missing = List.of(PermissionGroup.WORKERS_R2_STORAGE_EDIT);
        page.tokenProperty().set(TOKEN);
        page.checkToken();

        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.permissions()).filteredOn(r -> r.outcome() == PermissionReport.Outcome.MISSING)
                .extracting(TokenPageModel.PermissionRow::cloudflareName).containsExactly("Account › Workers R2 Storage › Edit");
        assertThat(page.errorProperty().get()).isEqualTo(i18n.get("cf.token.missing"));
        assertThat(page.tokenProperty().get()).as("kept, so the user sees what was checked").isEqualTo(TOKEN);
    }

    @Test
    void eachUnusableTokenGetsItsOwnMessage() {
        var cases = List.of(
                new Object[] {CloudflareSetup.TokenProblem.Kind.INVALID, "cf.token.invalid"},
                new Object[] {CloudflareSetup.TokenProblem.Kind.EXPIRED, "cf.token.expired"},
                new Object[] {CloudflareSetup.TokenProblem.Kind.DISABLED, "cf.token.disabled"},
                new Object[] {CloudflareSetup.TokenProblem.Kind.MALFORMED, "cf.token.malformed"},
                new Object[] {CloudflareSetup.TokenProblem.Kind.NO_ACCOUNT, "cf.token.noaccount"});
        for (Object[] c : cases) {
            setup.tokenProblem = new CloudflareSetup.TokenProblem((CloudflareSetup.TokenProblem.Kind) c[0], "detail");
            page.tokenProperty().set(TOKEN + c[0]);
            page.checkToken();
            assertThat(page.errorProperty().get()).as(c[0].toString()).isEqualTo(i18n.get((String) c[1]));
            assertThat(page.validProperty().get()).isFalse();
        }
        setup.tokenProblem = new CloudflareSetup.TokenProblem(CloudflareSetup.TokenProblem.Kind.SEVERAL_ACCOUNTS, "Home, Work");
        page.tokenProperty().set(TOKEN);
        page.checkToken();
        assertThat(page.errorProperty().get()).contains("(Home, Work)");
    }

    @Test
    void typingAnotherTokenAfterACheckNeedsANewCheck() {
        page.tokenProperty().set(TOKEN);
        page.checkToken();
        assertThat(page.validProperty().get()).isTrue();
        page.tokenProperty().set("another");
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.permissions()).isEmpty();
    }

    @Test
    void anEmptyFieldIsNotChecked() {
        page.tokenProperty().set("   ");
        page.checkToken();
        assertThat(setup.tokensChecked).isEmpty();
    }

    @Test
    void theButtonOpensCloudflaresPrefilledTokenPage() {
        page.openTokenPage();
        assertThat(browsed).singleElement().asString()
                .startsWith("https://dash.cloudflare.com/profile/api-tokens?permissionGroupKeys=")
                .contains("workers_r2");
    }
}
