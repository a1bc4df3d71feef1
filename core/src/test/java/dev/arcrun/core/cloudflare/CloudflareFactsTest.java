package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.core.install.Note;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a failing Cloudflare call tells the user: facts (the operation, the limits), worded in the user's language. */
class CloudflareFactsTest extends StandInFixture {
    private static final Messages EN = new Messages(Locale.ENGLISH);
    private static final Messages ZH = new Messages(Locale.TRADITIONAL_CHINESE);

    @Test
    void aRateLimitThatOutlastsTheBudgetGivesUpWithOneFactAChineseUserReadsInChinese() {
        cf.faults().rateLimit(RequestMatcher.of("GET", ".*/workers/subdomain"), 100, 60);
        List<Note> waits = new CopyOnWriteArrayList<>();
        CloudflareClient client = new CloudflareClient(cf.baseUrl(), ApiToken.of(cf.token()),
                CloudflareClient.Options.defaults().withRetry(FAST).withSleeper(sleeper).withWaits(waits::add));
        clients.add(client);

        assertThatThrownBy(() -> client.workersSubdomain(cf.accountId()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.CLOUDFLARE_RATE_LIMITED,
                            Operation.GET_SUBDOMAIN, FAST.rateLimitBudget()));
                    assertThat(e.adviceFact()).isEqualTo(Advice.of(Advice.Code.WAIT_AND_RETRY));
                    assertThat(EN.render(e.failure())).isEqualTo(
                            "Cloudflare kept rate-limiting looking up the workers.dev subdomain (HTTP 429) for over 6 min.");
                    assertThat(ZH.render(e.failure())).isEqualTo(
                            "Cloudflare 在查詢 workers.dev 子網域時持續限制請求速率（HTTP 429），已超過 6 分鐘。");
                    assertThat(ZH.render(e.adviceFact())).isEqualTo("請稍等幾分鐘後再試一次。");
                });
        // each wait Cloudflare asked for was told as it happened, before the budget ran out
        assertThat(waits).hasSize(6).containsOnly(Note.of(Note.Code.CLOUDFLARE_WAITING, Operation.GET_SUBDOMAIN,
                Duration.ofSeconds(60)));
        assertThat(ZH.render(waits.getFirst())).isEqualTo("Cloudflare 要求等待 1 分鐘後再繼續查詢 workers.dev 子網域（請求速率受限）");
        assertThat(sleeper.waits).hasSize(6);
    }

    @Test
    void persistentServerErrorsNameTheOperationTheAttemptsAndTheLastProblem() {
        cf.faults().serverError(RequestMatcher.of("GET", ".*/storage/kv/namespaces"), 100, 503);

        assertThatThrownBy(() -> client().listKvNamespaces(cf.accountId()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo(Failure.Code.CLOUDFLARE_GAVE_UP);
                    assertThat(e.failure().args()).startsWith(Operation.LIST_KV_NAMESPACES, 5);
                    assertThat(e.failure().args().get(2)).isInstanceOfSatisfying(CallProblem.class,
                            p -> assertThat(p.kind()).isEqualTo(CallProblem.Kind.SERVER_ERROR));
                    assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.CHECK_CONNECTION);
                    assertThat(ZH.render(e.failure())).startsWith("嘗試 5 次後，Cloudflare 仍未完成列出 KV 命名空間（最後一次：HTTP 503");
                });
    }

    @Test
    void aRefusalNamesTheOperationInTheUsersLanguageWithCloudflaresOwnWords() {
        CloudflareClient client = client();
        client.createKvNamespace(cf.accountId(), "arcrun-taken");
        assertThatThrownBy(() -> client.createKvNamespace(cf.accountId(), "arcrun-taken"))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.hasCode(CloudflareClient.KV_TITLE_EXISTS)).isTrue();
                    assertThat(e.failure().code()).isEqualTo(Failure.Code.CLOUDFLARE_REFUSED);
                    assertThat(e.failure().args().getFirst()).isEqualTo(Operation.CREATE_KV_NAMESPACE);
                    String cloudflareSays = String.valueOf(e.failure().args().get(1));
                    assertThat(cloudflareSays).contains("[code " + CloudflareClient.KV_TITLE_EXISTS + "]");
                    assertThat(ZH.render(e.failure())).isEqualTo("Cloudflare 拒絕了建立 KV 命名空間：" + cloudflareSays + "。");
                    assertThat(EN.render(e.failure())).isEqualTo("Cloudflare refused creating a KV namespace: " + cloudflareSays + ".");
                });
    }

    @Test
    void aCloudflareAddressNothingAnswersOnSaysSoInWordsNotAnExceptionName() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CloudflareClient client = new CloudflareClient(java.net.URI.create("http://127.0.0.1:" + closed + "/client/v4"),
                ApiToken.of(cf.token()), CloudflareClient.Options.defaults().withRetry(FAST).withSleeper(sleeper));
        clients.add(client);

        assertThatThrownBy(() -> client.workersSubdomain(cf.accountId()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo(Failure.Code.CLOUDFLARE_GAVE_UP);
                    assertThat(e.failure().args().get(2)).isEqualTo(new CallProblem(CallProblem.Kind.CANNOT_CONNECT, "127.0.0.1"));
                    assertThat(ZH.render(e.failure())).contains("無法連線到 127.0.0.1").doesNotContain("Exception");
                    assertThat(EN.render(e.failure())).contains("could not connect to 127.0.0.1").doesNotContain("Exception");
                });
    }

    @Test
    void everyOperationHasWordsInBothLanguages() {
        for (Operation op : Operation.values()) {
            assertThat(EN.word(op)).asString().as("%s", op).doesNotStartWith("!").isNotBlank();
            assertThat(ZH.word(op)).asString().as("%s", op).doesNotStartWith("!").isNotEqualTo(EN.word(op));
        }
    }
}
