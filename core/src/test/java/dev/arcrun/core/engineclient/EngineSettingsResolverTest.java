package dev.arcrun.core.engineclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.engineclient.EngineSettingsResolver.Explicit;
import dev.arcrun.core.engineclient.EngineSettingsResolver.InstallSource;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Registration;
import dev.arcrun.sdk.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSettingsResolverTest {
    @TempDir Path root;

    private InstallSource install() {
        var secrets = new FileSecretStore(new AppHome(root), "test");
        secrets.put("home", SecretKind.API_KEY, "key-from-store");
        secrets.put("home", SecretKind.ENCRYPTION_KEY, "enc-from-store");
        return InstallSource.of(InstallConfig.create("home", Target.LOCAL).withEngineUrl("http://127.0.0.1:1111"), secrets);
    }

    private static final Map<String, String> ENV = Map.of(
            "ARCRUN_API_URL", "http://127.0.0.1:2222/",
            "ARCRUN_API_KEY", "key-from-env",
            "ARCRUN_ENCRYPTION_KEY", "enc-from-env");

    @Test
    void installAloneIsUsed() {
        EngineSettings s = EngineSettingsResolver.resolve(Explicit.NONE, Map.of(), this::install);
        assertThat(s.url()).isEqualTo("http://127.0.0.1:1111");
        assertThat(s.apiKey().reveal()).isEqualTo("key-from-store");
        assertThat(s.encryptionKey().reveal()).isEqualTo("enc-from-store");
    }

    @Test
    void envBeatsTheInstallAndTheInstallIsNotEvenOpened() {
        AtomicInteger opened = new AtomicInteger();
        EngineSettings s = EngineSettingsResolver.resolve(Explicit.NONE, ENV, () -> {
            opened.incrementAndGet();
            return install();
        });
        assertThat(s.url()).isEqualTo("http://127.0.0.1:2222");
        assertThat(s.apiKey().reveal()).isEqualTo("key-from-env");
        assertThat(s.encryptionKey().reveal()).isEqualTo("enc-from-env");
        assertThat(opened).hasValue(0);
    }

    @Test
    void explicitBeatsEnvPerSettingAndTheRestFallsThroughForTheInstallsOwnUrl() {
        EngineSettings s = EngineSettingsResolver.resolve(new Explicit("http://127.0.0.1:1111/", null, null),
                Map.of("ARCRUN_API_KEY", "key-from-env"), this::install);
        assertThat(s.url()).isEqualTo("http://127.0.0.1:1111");
        assertThat(s.apiKey().reveal()).isEqualTo("key-from-env");
        assertThat(s.encryptionKey().reveal()).isEqualTo("enc-from-store");

        EngineSettings all = EngineSettingsResolver.resolve(
                new Explicit("http://127.0.0.1:3333", Secret.of("key-explicit"), Secret.of("enc-explicit")), ENV, this::install);
        assertThat(all.apiKey().reveal()).isEqualTo("key-explicit");
        assertThat(all.encryptionKey().reveal()).isEqualTo("enc-explicit");
    }

    @Test
    void theInstallsKeysAreNeverGivenToAnotherUrl() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(),
                Map.of("ARCRUN_API_URL", "http://127.0.0.1:3333"))) {
            Explicit explicit = env.isEmpty() ? new Explicit("http://127.0.0.1:3333", null, null) : Explicit.NONE;
            EngineSettings s = EngineSettingsResolver.resolve(explicit, env, this::install);
            assertThat(s.url()).isEqualTo("http://127.0.0.1:3333");
            assertThat(s.apiKey()).isNull();
            assertThat(s.encryptionKey()).isNull();
            assertThatThrownBy(s::requireApiKey).isInstanceOf(ArcrunException.class)
                    .hasMessageContaining("only to its own engine (http://127.0.0.1:1111)")
                    .satisfies(e -> assertThat(((ArcrunException) e).advice()).contains("ARCRUN_API_KEY"));
            assertThatThrownBy(s::requireEncryptionKey).isInstanceOf(ArcrunException.class)
                    .satisfies(e -> assertThat(((ArcrunException) e).advice()).contains("ARCRUN_ENCRYPTION_KEY"));
        }
        // Given explicitly, a key for the other engine is used.
        EngineSettings s = EngineSettingsResolver.resolve(new Explicit("http://127.0.0.1:3333", null, null),
                Map.of("ARCRUN_API_KEY", "key-from-env"), this::install);
        assertThat(s.apiKey().reveal()).isEqualTo("key-from-env");
        assertThat(s.encryptionKey()).isNull();
    }

    @Test
    void plainHttpIsOnlyForThisComputer() {
        assertThatThrownBy(() -> EngineSettingsResolver.resolve(new Explicit("http://other-host:8955", null, null),
                Map.of(), this::install)).isInstanceOf(ArcrunException.class)
                .hasMessageContaining("plain http")
                .satisfies(e -> assertThat(((ArcrunException) e).advice()).contains("https://"));
        assertThatThrownBy(() -> new EngineSettings(EngineSettings.parseUrl("http://10.0.0.5:8787"), Secret.of("k"), null))
                .isInstanceOf(ArcrunException.class);
        for (String ok : java.util.List.of("http://localhost:8787", "http://127.0.0.2:1", "http://[::1]:8787",
                "https://other-host")) {
            assertThat(EngineSettingsResolver.resolve(new Explicit(ok, null, null), Map.of(), () -> InstallSource.NONE)
                    .url()).isEqualTo(ok);
        }
    }

    @Test
    void sameEngineIgnoresHostCaseAndDefaultPorts() {
        assertThat(EngineSettings.sameEngine(EngineSettings.parseUrl("https://A.workers.dev"),
                EngineSettings.parseUrl("https://a.workers.dev:443/"))).isTrue();
        assertThat(EngineSettings.sameEngine(EngineSettings.parseUrl("https://a.workers.dev"),
                EngineSettings.parseUrl("https://a.workers.dev.evil.example"))).isFalse();
        assertThat(EngineSettings.sameEngine(EngineSettings.parseUrl("http://127.0.0.1:1"),
                EngineSettings.parseUrl("https://127.0.0.1:1"))).isFalse();
    }

    @Test
    void blankEnvValuesDoNotCount() {
        EngineSettings s = EngineSettingsResolver.resolve(Explicit.NONE,
                Map.of("ARCRUN_API_URL", " ", "ARCRUN_API_KEY", ""), this::install);
        assertThat(s.url()).isEqualTo("http://127.0.0.1:1111");
        assertThat(s.apiKey().reveal()).isEqualTo("key-from-store");
    }

    @Test
    void nothingAnywhereSaysWhatToDo() {
        assertThatThrownBy(() -> EngineSettingsResolver.resolve(Explicit.NONE, Map.of(), () -> InstallSource.NONE))
                .isInstanceOfSatisfying(dev.arcrun.core.UserFacingException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo(dev.arcrun.core.Failure.Code.SDK_URL_MISSING);
                    // an action: the CLI words it as --api-url / ARCRUN_API_URL, the app as its button
                    assertThat(e.adviceFact()).isEqualTo(dev.arcrun.core.Advice.of(dev.arcrun.core.Advice.Code.SDK_GIVE_URL));
                });
    }

    @Test
    void missingKeysAreReportedWhenNeededNotBefore() {
        EngineSettings s = EngineSettingsResolver.resolve(new Explicit("http://127.0.0.1:4444", null, null), Map.of(),
                () -> InstallSource.NONE);
        assertThat(s.apiKey()).isNull();
        assertThatThrownBy(s::requireApiKey).isInstanceOf(ArcrunException.class).hasMessageContaining("No api key");
        assertThatThrownBy(s::requireEncryptionKey).isInstanceOf(ArcrunException.class)
                .hasMessageContaining("No encryption key");
    }

    @Test
    void badUrlsAreRefused() {
        assertThatThrownBy(() -> EngineSettings.parseUrl("127.0.0.1:8787")).isInstanceOf(ArcrunException.class);
        assertThatThrownBy(() -> EngineSettings.parseUrl("ftp://x")).isInstanceOf(ArcrunException.class);
        assertThat(EngineSettings.parseUrl("https://a.workers.dev//").toString()).isEqualTo("https://a.workers.dev");
    }

    @Test
    void settingsNeverPrintKeys() {
        EngineSettings s = EngineSettingsResolver.resolve(Explicit.NONE, ENV, () -> InstallSource.NONE);
        assertThat(s.toString()).doesNotContain("key-from-env", "enc-from-env").contains("127.0.0.1:2222");
        assertThat(new Registration(Secret.of("k1"), Secret.of("k2")).toString()).doesNotContain("k1", "k2");
        assertThat(EngineClient.create(s).toString()).doesNotContain("key-from-env");
    }
}
