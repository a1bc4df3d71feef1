package dev.arcrun.core.engineclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.sdk.Arcrun;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.EngineApiException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.HostPort;
import dev.arcrun.sdk.Secret;
import dev.arcrun.sdk.ServiceSummary;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's acceptance list for the Java SDK, through its public facade only ({@link Arcrun#connect}), against the
 * real engine in real workerd started with keys of the test's own (as an install starts it: no {@code /register}).
 */
class SdkAcceptanceRealEngineTest {
    @TempDir static Path home;
    static LocalEngine local;
    static String url;
    static final String API_KEY = randomKey();
    static final String ENCRYPTION_KEY = randomKey();

    @BeforeAll
    static void start() {
        local = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        url = local.start(null, new LocalEngine.Keys(Secret.of(API_KEY), Secret.of(ENCRYPTION_KEY)), LogListener.NONE,
                LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()).url();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.stop();
        }
    }

    private static String randomKey() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static EngineClient arcrun() {
        return Arcrun.connect(url, API_KEY, ENCRYPTION_KEY);
    }

    @Test
    void healthIsOk() {
        try (EngineClient anonymous = Arcrun.connect(url, null, null)) {
            assertThat(anonymous.health().ok()).isTrue();
        }
    }

    @Test
    void twentyServicesAreListedEachWithItsName() {
        try (EngineClient arcrun = arcrun()) {
            List<ServiceSummary> services = arcrun.services().list();
            assertThat(services).hasSize(20);
            assertThat(services).allSatisfy(s -> assertThat(s.service()).isNotBlank());
            assertThat(services).extracting(ServiceSummary::service).doesNotHaveDuplicates().contains("openai", "github");
        }
    }

    @Test
    void openAiIsSetUpWithADummyKey() {
        try (EngineClient arcrun = arcrun()) {
            assertThat(arcrun.services().setup("openai", Map.of("api_key", Secret.of("sk-test-dummy"))))
                    .containsExactly("openai_api_key");
            assertThat(arcrun.credentials().list()).extracting(CredentialInfo::name).contains("openai_api_key");
        }
    }

    @Test
    void aCredentialIsPushedListedAndDeleted() {
        try (EngineClient arcrun = arcrun()) {
            arcrun.credentials().push("acceptance_token", Secret.of("acceptance-value-1"));
            assertThat(arcrun.credentials().list()).extracting(CredentialInfo::name).contains("acceptance_token");
            arcrun.credentials().delete("acceptance_token");
            assertThat(arcrun.credentials().list()).extracting(CredentialInfo::name).doesNotContain("acceptance_token");
            assertThatThrownBy(() -> arcrun.credentials().delete("acceptance_token")).isInstanceOf(EngineApiException.NotFound.class);
        }
    }

    @Test
    void aPrivateHostIsAllowedAndTakenBack() {
        try (EngineClient arcrun = arcrun()) {
            HostPort host = HostPort.parse("127.0.0.1:8080").orElseThrow();
            assertThat(arcrun.engineSettings().get().allowPrivateHosts()).doesNotContain("127.0.0.1:8080");
            assertThat(arcrun.engineSettings().allowPrivateHost(host).allowPrivateHosts()).contains("127.0.0.1:8080");
            assertThat(arcrun.engineSettings().get().allowPrivateHosts()).contains("127.0.0.1:8080");
            assertThat(arcrun.engineSettings().disallowPrivateHost(host).allowPrivateHosts()).doesNotContain("127.0.0.1:8080");
        }
    }

    @Test
    void aFreshEngineHasNoWorkflowsAndNoRuns() {
        try (EngineClient arcrun = arcrun()) {
            assertThat(arcrun.workflows().list()).isEmpty();
            assertThat(arcrun.runs().list(null)).isEmpty();
        }
    }
}
