package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSetupMappingTest {
    private static final Recipe OPENAI = new Recipe("openai", "OpenAI", null,
            List.of(new RequiredSecret("openai_api_key", "API key")), null, List.of("api.openai.com"), null);
    private static final Recipe TWILIO = new Recipe("twilio", "Twilio", null,
            List.of(new RequiredSecret("twilio_account_sid", "Account SID"), new RequiredSecret("twilio_auth_token", "Auth token")),
            null, List.of("api.twilio.com"), null);

    @Test
    void shortAndFullKeysBothMapToThePrefixedKey() {
        assertThat(ServicesApi.mapValues(OPENAI, Map.of("api_key", Secret.of("sk-1")))).containsOnlyKeys("openai_api_key");
        assertThat(ServicesApi.mapValues(OPENAI, Map.of("openai_api_key", Secret.of("sk-1")))).containsOnlyKeys("openai_api_key");
        assertThat(ServicesApi.alias("openai", "openai_api_key")).isEqualTo("api_key");
    }

    @Test
    void theRecipesOrderIsKept() {
        Map<String, Secret> given = new LinkedHashMap<>();
        given.put("auth_token", Secret.of("t"));
        given.put("twilio_account_sid", Secret.of("s"));
        assertThat(ServicesApi.mapValues(TWILIO, given).keySet()).containsExactly("twilio_account_sid", "twilio_auth_token");
    }

    @Test
    void unknownKeyListsTheExpectedOnesAndNeverTheValue() {
        assertThatThrownBy(() -> ServicesApi.mapValues(OPENAI, Map.of("token", Secret.of("sk-SECRET"))))
                .isInstanceOf(ArcrunException.class)
                .hasMessageContaining("'token' is not a secret of openai")
                .hasMessageNotContaining("sk-SECRET")
                .satisfies(e -> assertThat(((ArcrunException) e).advice()).contains("api_key (or openai_api_key)"));
    }

    @Test
    void missingAndDuplicateValuesAreRefused() {
        assertThatThrownBy(() -> ServicesApi.mapValues(TWILIO, Map.of("account_sid", Secret.of("s"))))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("Missing twilio_auth_token");
        assertThatThrownBy(() -> ServicesApi.mapValues(OPENAI,
                Map.of("api_key", Secret.of("a"), "openai_api_key", Secret.of("b"))))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("Two values");
    }
}
