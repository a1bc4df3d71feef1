package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void tokenFileWinsOverTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file-token\n");

        ApiToken token = TokenSource.resolve(Optional.of(file), Map.of(TokenSource.ENV, "from-env-token"));

        assertThat(token.secretValue()).isEqualTo("from-file-token");
        assertThat(TokenSource.resolve(Optional.empty(), Map.of(TokenSource.ENV, " from-env-token ")).secretValue())
                .isEqualTo("from-env-token");
    }

    @Test
    void missingTokenSaysWhereToPutOne() {
        assertThatThrownBy(() -> TokenSource.resolve(Optional.empty(), Map.of()))
                .hasMessage("No Cloudflare API token was given.")
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.advice(e))
                        .contains("give_token", "CLOUDFLARE_API_TOKEN"));
    }

    @Test
    void badTokenFilesAreExplainedWithoutEchoingTheirContent() throws Exception {
        Path twoLines = Files.writeString(dir.resolve("t"), "first-half\nsecond-half");

        assertThatThrownBy(() -> TokenSource.resolve(Optional.of(twoLines), Map.of()))
                .hasMessageContaining("does not hold a usable token")
                .hasMessageNotContaining("first-half");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.of(dir.resolve("absent")), Map.of()))
                .hasMessageContaining("does not exist");
        assertThat(ApiToken.of("abc").toString()).doesNotContain("abc");
    }

    @Test
    void apiBaseComesFromFlagThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of(TokenSource.ENV, "t", CloudflareSettings.API_BASE_ENV,
                "http://127.0.0.1:9/client/v4/");

        assertThat(CloudflareSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(), env).apiBase())
                .hasToString("http://127.0.0.1:9/client/v4");
        assertThat(CloudflareSettings.resolve(Optional.of("https://example.test/v4"), Optional.empty(),
                Optional.empty(), env).apiBase()).hasToString("https://example.test/v4");
        assertThat(CloudflareSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(TokenSource.ENV, "t")).apiBase()).isEqualTo(CloudflareSettings.DEFAULT_API_BASE);
        assertThatThrownBy(() -> CloudflareSettings.resolve(Optional.of("ftp://x"), Optional.empty(),
                Optional.empty(), env)).hasMessageContaining("not usable");
    }

    @Test
    void accountComesFromFlagOrEnvironmentAndMustLookLikeAnId() {
        String id = "023e105f4ecef8ad9ca31a8372d0c353";
        Map<String, String> env = Map.of(TokenSource.ENV, "t", CloudflareSettings.ACCOUNT_ENV, id);

        assertThat(CloudflareSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(), env).accountId())
                .hasValue(id);
        assertThatThrownBy(() -> CloudflareSettings.resolve(Optional.empty(), Optional.empty(),
                Optional.of("my account"), env)).hasMessageContaining("is not a Cloudflare account id");
    }

    @Test
    void templateUrlPrefillsExactlyTheFourGroups() throws Exception {
        String url = TokenTemplate.creationUrl(PermissionGroup.REQUIRED).toString();

        assertThat(url).startsWith("https://dash.cloudflare.com/profile/api-tokens?permissionGroupKeys=");
        String encoded = url.replaceAll(".*permissionGroupKeys=([^&]*).*", "$1");
        JsonNode groups = CloudflareHttp.JSON.readTree(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        assertThat(groups.toString()).isEqualTo("[{\"key\":\"workers_scripts\",\"type\":\"edit\"},"
                + "{\"key\":\"workers_kv_storage\",\"type\":\"edit\"},{\"key\":\"workers_r2\",\"type\":\"edit\"},"
                + "{\"key\":\"account_settings\",\"type\":\"read\"}]");
        assertThat(url).contains("&accountId=*&zoneId=all&name=Arcrun");
    }

    @Test
    void backoffGrowsWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(5));
        for (int i = 0; i < 200; i++) {
            assertThat(p.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(p.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(p.backoff(30)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_000));
        }
    }
}
