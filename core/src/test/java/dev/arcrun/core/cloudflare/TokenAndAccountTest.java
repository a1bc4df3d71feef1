package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAndAccountTest extends StandInFixture {

    @Test
    void activeUserTokenIsVerified() {
        TokenCheck check = client().verifyToken(Optional.empty());

        assertThat(check.kind()).isEqualTo(TokenCheck.Kind.USER);
        assertThat(check.status()).isEqualTo(TokenCheck.Status.ACTIVE);
        assertThat(CloudflareClient.requireActive(check)).isSameAs(check);
    }

    @Test
    void invalidTokenGetsItsOwnMessage() {
        CloudflareClient client = client(StandInToken.randomValue(), FAST);

        assertThatThrownBy(() -> client.verifyToken(Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("does not recognise this API token")
                .hasMessageContaining("Invalid API Token [code 1000]")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e)).contains("account-owned token"));
    }

    @Test
    void expiredTokenGetsItsOwnMessage() {
        String expired = cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("expired"));

        TokenCheck check = client(expired, FAST).verifyToken(Optional.empty());

        assertThat(check.status()).isEqualTo(TokenCheck.Status.EXPIRED);
        assertThatThrownBy(() -> CloudflareClient.requireActive(check)).hasMessage("The Cloudflare API token has expired.");
    }

    @Test
    void disabledTokenGetsItsOwnMessage() {
        String disabled = cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("disabled"));

        TokenCheck check = client(disabled, FAST).verifyToken(Optional.empty());

        assertThatThrownBy(() -> CloudflareClient.requireActive(check)).hasMessage("The Cloudflare API token is disabled.");
    }

    @Test
    void accountOwnedTokenIsVerifiedUnderItsAccount() {
        String owned = cf.addToken(StandInToken.accountOwned(StandInToken.randomValue(), cf.accountId()));

        TokenCheck check = client(owned, FAST).verifyToken(Optional.of(cf.accountId()));

        assertThat(check.kind()).isEqualTo(TokenCheck.Kind.ACCOUNT);
        assertThat(check.status()).isEqualTo(TokenCheck.Status.ACTIVE);
        assertThat(cf.count("GET", "/accounts/.*/tokens/verify")).isEqualTo(1);
    }

    @Test
    void accountOwnedTokenNeedsTheAccountGiven() {
        String owned = cf.addToken(StandInToken.accountOwned(StandInToken.randomValue(), cf.accountId()));

        assertThatThrownBy(() -> client(owned, FAST).resolveAccount(Optional.empty()))
                .hasMessageContaining("account-owned token")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e)).contains("give_account"));
    }

    @Test
    void theOnlyAccountIsUsed() {
        assertThat(client().resolveAccount(Optional.empty()).id()).isEqualTo(cf.accountId());
    }

    @Test
    void severalAccountsMustBeChosenFromAndAreListed() {
        var second = cf.state().addAccount("Second Team");

        assertThatThrownBy(() -> client().resolveAccount(Optional.empty()))
                .hasMessageContaining("2 accounts")
                .hasMessageContaining("Arcrun Test Account (" + cf.accountId() + ")")
                .hasMessageContaining("Second Team (" + second.id() + ")");
        assertThat(client().resolveAccount(Optional.of(second.id())).id()).isEqualTo(second.id());
    }

    @Test
    void accountsAreReadAcrossPages() {
        for (int i = 0; i < 60; i++) {
            cf.state().addAccount("Team " + i);
        }

        assertThat(client().listAccounts()).hasSize(61);
        assertThat(cf.count("GET", "/accounts")).isEqualTo(2);
    }

    @Test
    void fullTokenPassesEveryProbe() {
        PermissionReport report = client().probePermissions(cf.accountId(), TokenCheck.Kind.USER);

        assertThat(report.complete()).isTrue();
        assertThat(report.checks()).extracting(PermissionReport.Check::outcome)
                .containsOnly(PermissionReport.Outcome.GRANTED);
    }

    @Test
    void probeNamesTheMissingGroupAndOffersTheTemplate() {
        String noR2 = cf.addToken(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        PermissionReport report = client(noR2, FAST).probePermissions(cf.accountId(), TokenCheck.Kind.USER);

        assertThat(report.missing()).containsExactly(PermissionGroup.WORKERS_R2_STORAGE_EDIT);
        assertThat(report.missing().getFirst().displayName()).isEqualTo("Account › Workers R2 Storage › Edit");
        assertThat(report.tokenTemplateUrl().toString()).contains("permissionGroupKeys=");
    }

    @Test
    void accountOwnedTokenCannotProveAccountSettings() {
        String owned = cf.addToken(StandInToken.accountOwned(StandInToken.randomValue(), cf.accountId()));

        PermissionReport report = client(owned, FAST).probePermissions(cf.accountId(), TokenCheck.Kind.ACCOUNT);

        assertThat(report.checks()).filteredOn(c -> c.group() == PermissionGroup.ACCOUNT_SETTINGS_READ)
                .singleElement().satisfies(c -> assertThat(c.outcome()).isEqualTo(PermissionReport.Outcome.NOT_CHECKED));
        assertThat(report.complete()).isTrue();
    }
}
