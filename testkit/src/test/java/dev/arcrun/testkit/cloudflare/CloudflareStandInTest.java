package dev.arcrun.testkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudflareStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private CloudflareStandIn cf;
    private String kv;

    @BeforeEach
    void start() {
        cf = CloudflareStandIn.builder().validateContract().start();
        kv = "/accounts/" + cf.accountId() + "/storage/kv/namespaces";
    }

    @AfterEach
    void stop() {
        try {
            cf.assertNoContractViolations();
        } finally {
            cf.close();
        }
    }

    @Test
    void listsNamespacesPageByPageWithCloudflaresResultInfo() throws Exception {
        cf.state().seedNamespaces(cf.accountId(), 150, "ns-");

        JsonNode page2 = json(call("GET", kv + "?page=2&per_page=100", null, cf.token()));

        assertThat(page2.get("success").asBoolean()).isTrue();
        assertThat(page2.get("result")).hasSize(50);
        assertThat(page2.get("result").get(0).get("title").asText()).isEqualTo("ns-101");
        JsonNode info = page2.get("result_info");
        assertThat(info.get("page").asInt()).isEqualTo(2);
        assertThat(info.get("per_page").asInt()).isEqualTo(100);
        assertThat(info.get("count").asInt()).isEqualTo(50);
        assertThat(info.get("total_count").asInt()).isEqualTo(150);
        assertThat(info.get("total_pages").asInt()).isEqualTo(2);
    }

    @Test
    void duplicateNamespaceTitleIsRefusedTheWayCloudflareRefusesIt() throws Exception {
        assertThat(call("POST", kv, "{\"title\":\"arcrun-runs\"}", cf.token()).statusCode()).isEqualTo(200);

        HttpResponse<String> again = call("POST", kv, "{\"title\":\"arcrun-runs\"}", cf.token());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).at("/errors/0/code").asInt()).isEqualTo(10014);
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(1);
    }

    @Test
    void existingBucketIsAConflictThatSaysYouOwnIt() throws Exception {
        String buckets = "/accounts/" + cf.accountId() + "/r2/buckets";
        call("POST", buckets, "{\"name\":\"arcrun-components\"}", cf.token());

        HttpResponse<String> again = call("POST", buckets, "{\"name\":\"arcrun-components\"}", cf.token());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/errors/0/code").asInt()).isEqualTo(10004);
        assertThat(json(again).at("/errors/0/message").asText()).contains("you own it");
        JsonNode list = json(call("GET", buckets, null, cf.token()));
        assertThat(list.at("/result/buckets/0/name").asText()).isEqualTo("arcrun-components");
    }

    @Test
    void bulkWriteStoresValuesAndKeysAreListed() throws Exception {
        String id = json(call("POST", kv, "{\"title\":\"t\"}", cf.token())).at("/result/id").asText();

        call("PUT", kv + "/" + id + "/bulk", "[{\"key\":\"a/b\",\"value\":\"1\"},{\"key\":\"c\",\"value\":\"Mg==\",\"base64\":true}]",
                cf.token());

        assertThat(call("GET", kv + "/" + id + "/values/a%2Fb", null, cf.token()).body()).isEqualTo("1");
        assertThat(call("GET", kv + "/" + id + "/values/c", null, cf.token()).body()).isEqualTo("2");
        JsonNode keys = json(call("GET", kv + "/" + id + "/keys", null, cf.token()));
        assertThat(keys.get("result").findValuesAsText("name")).containsExactly("a/b", "c");
    }

    @Test
    void subdomainIsMissingUntilRegistered() throws Exception {
        String sub = "/accounts/" + cf.accountId() + "/workers/subdomain";
        cf.state().setSubdomain(cf.accountId(), null);

        HttpResponse<String> none = call("GET", sub, null, cf.token());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).at("/errors/0/code").asInt()).isEqualTo(10007);

        call("PUT", sub, "{\"subdomain\":\"my-team\"}", cf.token());
        assertThat(json(call("GET", sub, null, cf.token())).at("/result/subdomain").asText()).isEqualTo("my-team");
    }

    @Test
    void tokenMissingAPermissionIsDeniedWithAuthenticationError() throws Exception {
        String noR2 = cf.addToken(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        HttpResponse<String> denied = call("GET", "/accounts/" + cf.accountId() + "/r2/buckets", null, noR2);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).at("/errors/0/code").asInt()).isEqualTo(10000);
        assertThat(call("GET", kv, null, noR2).statusCode()).isEqualTo(200);
    }

    @Test
    void verifyReportsTokenStatusAndRejectsUnknownTokens() throws Exception {
        String expired = cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("expired"));
        String accountToken = cf.addToken(StandInToken.accountOwned(StandInToken.randomValue(), cf.accountId()));

        assertThat(json(call("GET", "/user/tokens/verify", null, cf.token())).at("/result/status").asText())
                .isEqualTo("active");
        assertThat(json(call("GET", "/user/tokens/verify", null, expired)).at("/result/status").asText())
                .isEqualTo("expired");
        HttpResponse<String> invalid = call("GET", "/user/tokens/verify", null, "not-a-token");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(json(invalid).at("/errors/0/code").asInt()).isEqualTo(1000);
        // Account-owned tokens are verified under the account, and cannot list accounts.
        assertThat(call("GET", "/user/tokens/verify", null, accountToken).statusCode()).isEqualTo(401);
        assertThat(json(call("GET", "/accounts/" + cf.accountId() + "/tokens/verify", null, accountToken))
                .at("/result/status").asText()).isEqualTo("active");
        assertThat(json(call("GET", "/accounts", null, accountToken)).at("/errors/0/code").asInt()).isEqualTo(1001);
    }

    @Test
    void rateLimitAnswers429WithRetryAfterThenRecovers() throws Exception {
        cf.faults().rateLimit(2, 7);

        HttpResponse<String> first = call("GET", kv, null, cf.token());
        call("GET", kv, null, cf.token());
        HttpResponse<String> third = call("GET", kv, null, cf.token());

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(first).at("/errors/0/code").asInt()).isEqualTo(971);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorsOnlyHitMatchingRequests() throws Exception {
        cf.faults().serverError(RequestMatcher.of("POST", ".*/storage/kv/namespaces"), 1, 503);

        assertThat(call("GET", kv, null, cf.token()).statusCode()).isEqualTo(200);
        assertThat(call("POST", kv, "{\"title\":\"x\"}", cf.token()).statusCode()).isEqualTo(503);
        assertThat(call("POST", kv, "{\"title\":\"x\"}", cf.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetDropsTheConnectionWithoutAnswer() throws Exception {
        cf.faults().resetConnection(1);

        // A POST: the JDK client silently retries an idempotent GET once when the connection drops.
        assertThatThrownBy(() -> call("POST", kv, "{\"title\":\"x\"}", cf.token())).isInstanceOf(IOException.class);
        assertThat(call("POST", kv, "{\"title\":\"x\"}", cf.token()).statusCode()).isEqualTo(200);
        assertThat(cf.exchanges()).extracting(RecordedExchange::status).containsExactly(-1, 200);
    }

    @Test
    void slowAnswersAreHeldBack() throws Exception {
        cf.faults().slow(1, Duration.ofMillis(300));

        long start = System.nanoTime();
        call("GET", kv, null, cf.token());
        long slowMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(slowMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void requestsThatBreakTheContractAreCaught() throws Exception {
        call("GET", kv + "?per_page=500", null, cf.token()); // the contract allows at most 100
        call("POST", kv, "{\"name\":\"missing-title\"}", cf.token());

        assertThat(cf.contractViolations()).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("per_page").contains("maximum: 100"))
                .anySatisfy(v -> assertThat(v).contains("title"));
        assertThatThrownBy(cf::assertNoContractViolations).isInstanceOf(AssertionError.class);
        cf.clearExchanges();
    }

    @Test
    void aQueryParameterOutsideTheContractIsToleratedFromWranglerOnly() throws Exception {
        call("GET", kv + "?per_page=10&exclude_preview=true", null, cf.token(), "wrangler/4.164.0");
        assertThat(cf.contractViolations()).as("wrangler's own extra parameter").isEmpty();

        call("GET", kv + "?per_page=10&exclude_preview=true", null, cf.token(), "arcrun-desktop");

        assertThat(cf.contractViolations()).singleElement().asString().contains("exclude_preview");
        cf.clearExchanges();
    }

    @Test
    void endpointsOutsideTheContractAreNotJudged() throws Exception {
        cf.register(r -> r.get("/accounts/{account_id}/workers/scripts/{script_name}/subdomain", Access.ACCOUNT,
                "com.cloudflare.edge.worker.script.read",
                req -> ApiResponse.success(JSON.createObjectNode().put("enabled", true))));

        HttpResponse<String> r = call("GET", "/accounts/" + cf.accountId() + "/workers/scripts/x/subdomain", null,
                cf.token());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(cf.contractViolations()).isEmpty();
    }

    @Test
    void listsABucketsObjectsByCursorAndRefusesToDeleteItUntilEmpty() throws Exception {
        String bucket = "/accounts/" + cf.accountId() + "/r2/buckets/arcrun-components";
        cf.state().createBucket(cf.accountId(), "arcrun-components", "enam", "Standard");
        for (int i = 0; i < 5; i++) {
            cf.state().putObject(cf.accountId(), "arcrun-components", "c/" + i + ".wasm", new byte[i], "application/wasm");
        }

        JsonNode first = json(call("GET", bucket + "/objects?per_page=3", null, cf.token()));
        assertThat(first.get("result")).extracting(o -> o.get("key").asText())
                .containsExactly("c/0.wasm", "c/1.wasm", "c/2.wasm");
        assertThat(first.at("/result/1/size").asLong()).isEqualTo(1);
        assertThat(first.at("/result_info/is_truncated").asBoolean()).isTrue();
        String cursor = first.at("/result_info/cursor").asText();
        JsonNode second = json(call("GET", bucket + "/objects?per_page=3&cursor=" + cursor, null, cf.token()));
        assertThat(second.get("result")).extracting(o -> o.get("key").asText()).containsExactly("c/3.wasm", "c/4.wasm");
        assertThat(second.at("/result_info/is_truncated").asBoolean()).isFalse();

        HttpResponse<String> refused = call("DELETE", bucket, null, cf.token());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).at("/errors/0/code").asInt()).isEqualTo(10008);

        for (int i = 0; i < 5; i++) {
            assertThat(call("DELETE", bucket + "/objects/c%2F" + i + ".wasm", null, cf.token()).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> gone = call("DELETE", bucket + "/objects/c%2F0.wasm", null, cf.token());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).at("/errors/0/code").asInt()).isEqualTo(10007);
        assertThat(call("DELETE", bucket, null, cf.token()).statusCode()).isEqualTo(200);
        assertThat(cf.state().bucket(cf.accountId(), "arcrun-components")).isEmpty();
    }

    @Test
    void standaloneMainStartsOnTheGivenOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CloudflareStandIn s = CloudflareStandInMain.start(
                new String[] {"--port", "0", "--token", "tok-123", "--namespaces", "3", "--no-subdomain"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(s.token()).isEqualTo("tok-123");
            assertThat(s.state().namespaces(s.accountId())).hasSize(3);
            assertThat(s.state().subdomain(s.accountId())).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(s.baseUrl().toString());
        }
        assertThatThrownBy(() -> CloudflareStandInMain.start(new String[] {"--port"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> call(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        return call(method, path, body, token, "arcrun-desktop-test");
    }

    private HttpResponse<String> call(String method, String path, String body, String token, String userAgent)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cf.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", userAgent)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
