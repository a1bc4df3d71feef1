package dev.arcrun.core.cloudflare;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard to try. 5xx answers, dropped connections and timeouts are retried up to {@code maxAttempts} times with
 * capped exponential backoff and jitter; 429 answers wait what Retry-After says (at most {@code maxRetryAfter}
 * each) until {@code rateLimitBudget} of waiting is used up, since Cloudflare's limit is counted over five minutes.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          Duration rateLimitBudget, Duration requestTimeout) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(120),
                Duration.ofMinutes(6), Duration.ofSeconds(30));
    }

    public RetryPolicy withRequestTimeout(Duration timeout) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, rateLimitBudget, timeout);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter, rateLimitBudget, requestTimeout);
    }

    /**
     * Delay before retry number {@code attempt} (1 = first retry): half the capped exponential step plus a random
     * part up to the other half ("equal jitter"), so concurrent callers do not retry in lockstep.
     */
    public Duration backoff(int attempt) {
        long base = baseDelay.toMillis();
        long exp = attempt >= 31 ? Long.MAX_VALUE : base * (1L << (attempt - 1));
        long capped = Math.min(maxDelay.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
