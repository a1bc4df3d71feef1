package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link Arcrun} finds its settings: parameters first, then the environment; keys only over a safe transport. */
class ArcrunConnectTest {
    private static final String KEY = "arc_" + "a".repeat(40);
    private static final String ENC = "q".repeat(43) + "=";

    @Test
    void theEnvironmentFillsWhatTheParametersLeaveOut() {
        Map<String, String> env = Map.of(Arcrun.ENV_URL, "http://127.0.0.1:8787/", Arcrun.ENV_API_KEY, KEY,
                Arcrun.ENV_ENCRYPTION_KEY, ENC);
        EngineSettings s = Arcrun.settings(null, null, null, env);
        assertThat(s.url()).isEqualTo("http://127.0.0.1:8787");
        assertThat(s.apiKey().reveal()).isEqualTo(KEY);
        assertThat(s.encryptionKey().reveal()).isEqualTo(ENC);
    }

    @Test
    void aParameterWinsOverItsVariable() {
        Map<String, String> env = Map.of(Arcrun.ENV_URL, "http://127.0.0.1:1", Arcrun.ENV_API_KEY, "arc_from_env");
        EngineSettings s = Arcrun.settings("https://engine.example.test", KEY, null, env);
        assertThat(s.url()).isEqualTo("https://engine.example.test");
        assertThat(s.apiKey().reveal()).isEqualTo(KEY);
        assertThat(s.encryptionKey()).isNull();
    }

    @Test
    void noUrlAnywhereSaysWhichVariableToSet() {
        assertThatThrownBy(() -> Arcrun.settings(null, KEY, null, Map.of()))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("No engine URL")
                .satisfies(e -> assertThat(((ArcrunException) e).advice()).contains(Arcrun.ENV_URL))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void keysNeverGoOverPlainHttpToAnotherComputer() {
        assertThatThrownBy(() -> Arcrun.connect("http://engine.example.test", KEY, null))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("plain http").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> new EngineSettings(EngineSettings.parseUrl("http://10.0.0.5:8787"), null, Secret.of(ENC)))
                .isInstanceOf(ArcrunException.class);
        // without keys there is nothing to leak: the health check may go anywhere
        assertThat(Arcrun.settings("http://engine.example.test", null, null, Map.of()).apiKey()).isNull();
        // this computer by its literal names may use plain http
        for (String local : new String[] {"http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"}) {
            assertThat(Arcrun.settings(local, KEY, ENC, Map.of()).apiKey()).isNotNull();
        }
    }
}
