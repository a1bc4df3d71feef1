package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.sdk.Recipe;
import dev.arcrun.sdk.RequiredSecret;
import dev.arcrun.sdk.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupFormTest {
    private static final Recipe TWILIO = new Recipe("twilio", "Twilio", null,
            List.of(new RequiredSecret("twilio_account_sid", "Account SID (AC...)"), new RequiredSecret("twilio_auth_token", "")),
            null, List.of("api.twilio.com"), null);

    @Test
    void oneFieldPerRequiredSecretInTheRecipesOrderLabelledByTheRecipe() {
        SetupForm form = SetupForm.of(TWILIO);
        assertThat(form.fields()).containsExactly(
                new SetupForm.Field("twilio_account_sid", "Account SID (AC...)"),
                new SetupForm.Field("twilio_auth_token", "twilio_auth_token")); // no label: the key, never a blank
    }

    @Test
    void aServiceAccountKeyIsAWholeFileToChooseOtherSecretsAreTyped() {
        Recipe google = new Recipe("google_service_account", "Google (service account)", null,
                List.of(new RequiredSecret("google_service_account_json", "Service account key (the whole JSON file)")),
                null, List.of("oauth2.googleapis.com"), null);
        assertThat(SetupForm.of(google).fields().getFirst().wholeFile()).isTrue();
        assertThat(SetupForm.of(TWILIO).fields()).noneMatch(SetupForm.Field::wholeFile);
    }

    @Test
    void typedValuesMapOntoTheRecipesKeys() {
        SetupForm form = SetupForm.of(TWILIO);
        Map<String, Secret> values = form.values(Map.of("twilio_auth_token", "secret-token-value", "twilio_account_sid", "AC1"));
        assertThat(values.keySet()).containsExactly("twilio_account_sid", "twilio_auth_token");
        assertThat(values.get("twilio_account_sid").reveal()).isEqualTo("AC1");
        assertThat(values.toString()).doesNotContain("secret-token-value", "AC1");
    }

    @Test
    void emptyFieldsAreNamedAndNothingIsSaved() {
        SetupForm form = SetupForm.of(TWILIO);
        Map<String, String> typed = Map.of("twilio_account_sid", "AC1", "twilio_auth_token", "  ");
        assertThat(form.missing(typed)).containsExactly("twilio_auth_token");
        assertThatThrownBy(() -> form.values(typed)).isInstanceOf(IllegalStateException.class);

        ServicesViewModel vm = new ServicesViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), I18N);
        assertThat(vm.save(form, typed)).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Fill in every field.");
    }

    @Test
    void theSearchMatchesNameIdAndHostsIgnoringCase() {
        var twilio = new dev.arcrun.sdk.ServiceSummary("twilio", "Twilio", null, TWILIO.requiredSecrets(), TWILIO.hosts());
        assertThat(ServicesViewModel.matches(twilio, "TWI")).isTrue();
        assertThat(ServicesViewModel.matches(twilio, "api.twilio")).isTrue();
        assertThat(ServicesViewModel.matches(twilio, "")).isTrue();
        assertThat(ServicesViewModel.matches(twilio, "openai")).isFalse();
    }
}
