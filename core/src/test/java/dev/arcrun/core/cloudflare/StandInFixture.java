package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RecordedExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a contract-validating stand-in and a log capture per test; after each test, fails on any contract
 * violation and on the token showing up in any log line or request URL.
 */
abstract class StandInFixture {

    static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofSeconds(60), Duration.ofMinutes(6), Duration.ofSeconds(10));

    CloudflareStandIn cf;
    LogCapture logs;
    RecordingSleeper sleeper;
    final List<CloudflareClient> clients = new ArrayList<>();
    /** Every secret a test handed out; none may appear in logs or URLs. */
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void startStandIn() {
        cf = CloudflareStandIn.builder().validateContract().start();
        logs = LogCapture.start();
        sleeper = new RecordingSleeper();
        secrets.add(cf.token());
    }

    @AfterEach
    void stopStandIn() {
        try {
            clients.forEach(CloudflareClient::close);
            cf.assertNoContractViolations();
            for (String secret : secrets) {
                assertThat(logs.text()).doesNotContain(secret);
                assertThat(cf.exchanges()).extracting(RecordedExchange::uri)
                        .allSatisfy(uri -> assertThat(uri).doesNotContain(secret));
            }
        } finally {
            logs.close();
            cf.close();
        }
    }

    CloudflareClient client() {
        return client(cf.token(), FAST);
    }

    CloudflareClient client(String token, RetryPolicy policy) {
        if (!secrets.contains(token)) {
            secrets.add(token);
        }
        CloudflareClient c = new CloudflareClient(cf.baseUrl(), ApiToken.of(token),
                CloudflareClient.Options.defaults().withRetry(policy).withSleeper(sleeper));
        clients.add(c);
        return c;
    }
}
