package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.testkit.cloudflare.RecordedExchange;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.StandInState;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisionerTest extends StandInFixture {

    private static final ResourceManifest MANIFEST = ResourceManifest.standard();

    @Test
    void freshAccountGetsEveryResourceCreated() {
        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.kv()).extracting(ProvisionResult.KvResult::title).containsExactly(
                "arcrun-credentials", "arcrun-workflows", "arcrun-auth-recipes", "arcrun-api-recipes",
                "arcrun-runs", "arcrun-accounts", "arcrun-components");
        assertThat(result.kv()).allSatisfy(k -> assertThat(k.action()).isEqualTo(ProvisionResult.Action.CREATED));
        assertThat(result.r2()).singleElement().satisfies(b -> {
            assertThat(b.binding()).isEqualTo("COMPONENT_BINARIES");
            assertThat(b.name()).isEqualTo("arcrun-components");
            assertThat(b.action()).isEqualTo(ProvisionResult.Action.CREATED);
        });
        assertThat(result.subdomain()).hasValue("arcrun-test");
        for (ProvisionResult.KvResult k : result.kv()) {
            assertThat(cf.state().namespaceByTitle(cf.accountId(), k.title()).map(StandInState.Namespace::id))
                    .isEqualTo(k.id());
        }
        assertThat(cf.state().bucket(cf.accountId(), "arcrun-components")).isPresent();
    }

    @Test
    void jsonHasTheDocumentedShape() {
        JsonNode json = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false).toJson();

        assertThat(json.fieldNames()).toIterable().containsExactly("account_id", "kv", "r2", "subdomain");
        assertThat(json.get("account_id").asText()).isEqualTo(cf.accountId());
        assertThat(json.at("/kv/0").fieldNames()).toIterable().containsExactly("binding", "title", "id", "action");
        assertThat(json.at("/kv/0/binding").asText()).isEqualTo("CREDENTIALS");
        assertThat(json.at("/kv/0/action").asText()).isEqualTo("created");
        assertThat(json.at("/r2/0").fieldNames()).toIterable().containsExactly("binding", "name", "action");
        assertThat(json.get("subdomain").asText()).isEqualTo("arcrun-test");
    }

    @Test
    void secondRunCreatesNothingAndReportsTheSameIds() {
        Provisioner provisioner = new Provisioner(client());
        ProvisionResult first = provisioner.ensure(cf.accountId(), MANIFEST, false);
        cf.clearExchanges();

        ProvisionResult second = provisioner.ensure(cf.accountId(), MANIFEST, false);

        assertThat(cf.exchanges()).extracting(RecordedExchange::method).containsOnly("GET");
        assertThat(second.kv()).allSatisfy(k -> assertThat(k.action()).isEqualTo(ProvisionResult.Action.EXISTS));
        assertThat(second.r2()).allSatisfy(b -> assertThat(b.action()).isEqualTo(ProvisionResult.Action.EXISTS));
        assertThat(second.kv()).extracting(ProvisionResult.KvResult::id)
                .containsExactlyElementsOf(first.kv().stream().map(ProvisionResult.KvResult::id).toList());
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7);
    }

    @Test
    void findsOurNamespacesOnPageTwoOf150() {
        cf.state().seedNamespaces(cf.accountId(), 143, "someone-elses-");
        MANIFEST.kv().forEach(k -> cf.state().createNamespace(cf.accountId(), k.title()));
        cf.state().createBucket(cf.accountId(), "arcrun-components", "enam", "Standard");

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        assertThat(cf.state().namespaces(cf.accountId())).hasSize(150);
        assertThat(result.kv()).allSatisfy(k -> assertThat(k.action()).isEqualTo(ProvisionResult.Action.EXISTS));
        assertThat(cf.count("POST", ".*")).isZero();
        assertThat(cf.exchanges(e -> e.path().endsWith("/storage/kv/namespaces")))
                .extracting(RecordedExchange::uri)
                .anySatisfy(u -> assertThat(u).contains("page=2"));
    }

    @Test
    void losingTheTitleRaceResolvesToTheNamespaceThatWon() {
        // Another installer creates the title just before our create reaches Cloudflare.
        String[] winner = new String[1];
        cf.faults().beforeHandler(RequestMatcher.of("POST", ".*/storage/kv/namespaces"), 1, req -> {
            String title = req.bodyText().replaceAll(".*\"title\":\"([^\"]+)\".*", "$1");
            winner[0] = cf.state().createNamespace(cf.accountId(), title).orElseThrow().id();
        });

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        ProvisionResult.KvResult raced = result.kv().stream()
                .filter(k -> k.id().orElseThrow().equals(winner[0])).findFirst().orElseThrow();
        assertThat(raced.action()).isEqualTo(ProvisionResult.Action.EXISTS);
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7);
        assertThat(cf.exchanges(e -> e.status() == 400)).singleElement()
                .satisfies(e -> assertThat(e.responseBodyText()).contains("10014"));
    }

    @Test
    void dryRunOnlyLooks() {
        cf.state().createNamespace(cf.accountId(), "arcrun-runs");

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, true);

        assertThat(cf.count("POST", ".*")).isZero();
        assertThat(result.kv()).filteredOn(k -> k.title().equals("arcrun-runs")).singleElement()
                .satisfies(k -> assertThat(k.action()).isEqualTo(ProvisionResult.Action.EXISTS));
        assertThat(result.kv()).filteredOn(k -> !k.title().equals("arcrun-runs"))
                .allSatisfy(k -> {
                    assertThat(k.action()).isEqualTo(ProvisionResult.Action.WOULD_CREATE);
                    assertThat(k.id()).isEmpty();
                });
        assertThat(result.r2().getFirst().action()).isEqualTo(ProvisionResult.Action.WOULD_CREATE);
        assertThat(result.toJson().at("/kv/0/id").isNull()).isTrue();
    }

    @Test
    void prefixKeepsTwoInstallsApart() {
        new Provisioner(client()).ensure(cf.accountId(), ResourceManifest.standard(), false);

        ProvisionResult second = new Provisioner(client()).ensure(cf.accountId(),
                ResourceManifest.standard("team2-"), false);

        assertThat(second.kv()).allSatisfy(k -> {
            assertThat(k.title()).startsWith("team2-");
            assertThat(k.action()).isEqualTo(ProvisionResult.Action.CREATED);
        });
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(14);
        assertThat(cf.state().buckets(cf.accountId())).hasSize(2);
        assertThatThrownBy(() -> ResourceManifest.standard("Bad Prefix"))
                .hasMessageContaining("cannot be used");
    }

    @Test
    void bucketCreatedMeanwhileCountsAsExisting() {
        cf.faults().beforeHandler(RequestMatcher.of("POST", ".*/r2/buckets"), 1,
                req -> cf.state().createBucket(cf.accountId(), "arcrun-components", "enam", "Standard"));

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.r2().getFirst().action()).isEqualTo(ProvisionResult.Action.EXISTS);
        assertThat(cf.exchanges(e -> e.status() == 409)).hasSize(1);
    }

    @Test
    void rateLimitStormIsWaitedOutAsCloudflareAsks() {
        cf.faults().rateLimit(20, 3);

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.created()).isEqualTo(8);
        assertThat(cf.exchanges(e -> e.status() == 429)).hasSize(20);
        // Every 429 made the client wait exactly the Retry-After, and nothing else made it wait.
        assertThat(sleeper.waits).hasSize(20).containsOnly(Duration.ofSeconds(3));
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7);
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedWithBackoff() {
        cf.faults().serverError(RequestMatcher.of("POST", ".*/storage/kv/namespaces"), 3, 503);
        cf.faults().serverError(RequestMatcher.of("GET", ".*/storage/kv/namespaces"), 1, 502);
        cf.faults().resetConnection(RequestMatcher.of("POST", ".*/r2/buckets"), 2);

        ProvisionResult result = new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.created()).isEqualTo(8);
        assertThat(cf.exchanges(e -> e.status() >= 500)).hasSize(4);
        assertThat(cf.exchanges(e -> e.status() == -1)).hasSize(2);
        assertThat(sleeper.waits).hasSize(6).allSatisfy(w -> assertThat(w)
                .isBetween(Duration.ofMillis(50), FAST.maxDelay()));
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7);
    }

    @Test
    void persistentServerErrorsEndInOneClearError() {
        cf.faults().serverError(RequestMatcher.of("GET", ".*/workers/subdomain"), 100, 500);

        assertThatThrownBy(() -> new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false))
                .isInstanceOf(dev.arcrun.core.UserFacingException.class)
                .hasMessageContaining("looking up the workers.dev subdomain")
                .hasMessageContaining("after 5 attempts")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("[code 10002]");
    }

    @Test
    void slowAnswersTimeOutAndAreRetried() {
        RetryPolicy quick = FAST.withRequestTimeout(Duration.ofMillis(400));
        cf.faults().slow(RequestMatcher.of("GET", ".*/workers/subdomain"), 1, Duration.ofSeconds(3));

        ProvisionResult result = new Provisioner(client(cf.token(), quick)).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.subdomain()).hasValue("arcrun-test");
        assertThat(sleeper.waits).hasSize(1); // one timed-out attempt, one retry
        assertThat(logs.text()).contains("/workers/subdomain: no answer within 0.4 s (attempt 1)");
    }

    @Test
    void accountWithoutSubdomainSaysSoAndCanRegisterOne() {
        cf.state().setSubdomain(cf.accountId(), null);
        CloudflareClient client = client();

        ProvisionResult result = new Provisioner(client).ensure(cf.accountId(), MANIFEST, false);

        assertThat(result.subdomain()).isEmpty();
        assertThat(result.toJson().get("subdomain").isNull()).isTrue();
        assertThat(cf.count("PUT", ".*/workers/subdomain")).isZero(); // never registered behind the user's back
        assertThat(client.registerSubdomain(cf.accountId(), "my-team")).isEqualTo("my-team");
        assertThat(client.workersSubdomain(cf.accountId())).hasValue("my-team");
    }

    @Test
    void tokenWithoutR2RightsIsNamedAsSuch() {
        String noR2 = cf.addToken(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        assertThatThrownBy(() -> new Provisioner(client(noR2, FAST)).ensure(cf.accountId(), MANIFEST, false))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.missing()).isEqualTo(PermissionGroup.WORKERS_R2_STORAGE_EDIT);
                    assertThat(e.getMessage() + " " + dev.arcrun.core.TestWords.advice(e)).contains("Account › Workers R2 Storage › Edit")
                            .contains("permissionGroupKeys=");
                    // Cloudflare's own error stays with the exception for logs; the sentence is the fact's
                    assertThat(e.hasCode(10000)).isTrue();
                    assertThat(e.failure().code()).isEqualTo(dev.arcrun.core.Failure.Code.MISSING_PERMISSION);
                    assertThat(new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE).render(e.failure()))
                            .contains("權杖缺少", "Account › Workers R2 Storage › Edit");
                });
    }

    @Test
    void tokenAppearsInNoMessageEvenWhenEverythingGoesWrong() {
        cf.faults().rateLimit(3, 1).serverError(2, 503).resetConnection(1);
        String noR2 = cf.addToken(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));
        String expired = cf.addToken(StandInToken.user(StandInToken.randomValue()).withStatus("expired"));
        String unknown = StandInToken.randomValue();
        StringBuilder captured = new StringBuilder();

        captured.append(new Provisioner(client()).ensure(cf.accountId(), MANIFEST, false).toJson());
        for (String token : List.of(noR2, expired, unknown)) {
            CloudflareClient c = client(token, FAST);
            captured.append(c).append(ApiToken.of(token));
            try {
                CloudflareClient.requireActive(c.verifyToken(Optional.of(cf.accountId())));
                new Provisioner(c).ensure(cf.accountId(), MANIFEST, false);
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    captured.append(t).append(t.getMessage());
                    if (t instanceof dev.arcrun.core.UserFacingException u) {
                        captured.append(u.getMessage()).append(u.adviceFact());
                    }
                }
            }
        }

        assertThat(captured.toString()).contains("Workers R2 Storage", "expired", "does not recognise");
        for (String secret : List.of(cf.token(), noR2, expired, unknown)) {
            assertThat(captured.toString()).doesNotContain(secret);
        }
        assertThat(logs.size()).isPositive(); // the after-each check looks at real log lines
    }
}
