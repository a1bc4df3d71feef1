package dev.arcrun.testkit.cloudflare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Switches for the failures a real Cloudflare produces: rate limiting, server errors, slow answers, dropped
 * connections, plus hooks that change state just before a handler runs (e.g. another installer winning a race).
 * Each rule applies to the next {@code times} matching requests; {@link #latency} applies to every request.
 */
public final class Faults {

    /** What happens to a request instead of (or before) normal handling. */
    public sealed interface Fault {}

    /** HTTP 429 with a Retry-After header, as Cloudflare's API edge answers when the rate limit is hit. */
    public record RateLimit(int retryAfterSeconds) implements Fault {}

    /** A 5xx answer from the edge. */
    public record ServerError(int status) implements Fault {}

    /** The connection is closed without any answer. */
    public record ConnectionReset() implements Fault {}

    /** The answer is held back this long before it is sent. */
    public record Delay(Duration delay) implements Fault {}

    /** Runs before the handler, e.g. to create a title the client is about to create. */
    public record Hook(Consumer<ApiRequest> action) implements Fault {}

    private record Rule(RequestMatcher matcher, AtomicInteger remaining, Fault fault) {}

    /** The faults chosen for one request: delays and hooks to apply, then at most one terminal fault. */
    record Plan(Duration delay, List<Hook> hooks, Fault terminal) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;

    /** Every answer waits this long (a far-away API). */
    public Faults latency(Duration perRequest) {
        this.latency = perRequest;
        return this;
    }

    public Faults rateLimit(int times, int retryAfterSeconds) {
        return rateLimit(RequestMatcher.any(), times, retryAfterSeconds);
    }

    public Faults rateLimit(RequestMatcher matcher, int times, int retryAfterSeconds) {
        return add(matcher, times, new RateLimit(retryAfterSeconds));
    }

    public Faults serverError(int times, int status) {
        return serverError(RequestMatcher.any(), times, status);
    }

    public Faults serverError(RequestMatcher matcher, int times, int status) {
        return add(matcher, times, new ServerError(status));
    }

    public Faults resetConnection(int times) {
        return resetConnection(RequestMatcher.any(), times);
    }

    public Faults resetConnection(RequestMatcher matcher, int times) {
        return add(matcher, times, new ConnectionReset());
    }

    public Faults slow(int times, Duration delay) {
        return slow(RequestMatcher.any(), times, delay);
    }

    public Faults slow(RequestMatcher matcher, int times, Duration delay) {
        return add(matcher, times, new Delay(delay));
    }

    public Faults beforeHandler(RequestMatcher matcher, int times, Consumer<ApiRequest> action) {
        return add(matcher, times, new Hook(action));
    }

    /** Removes every rule and the latency. */
    public void clear() {
        rules.clear();
        latency = Duration.ZERO;
    }

    private Faults add(RequestMatcher matcher, int times, Fault fault) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        rules.add(new Rule(matcher, new AtomicInteger(times), fault));
        return this;
    }

    Plan plan(String method, String path) {
        Duration delay = latency;
        List<Hook> hooks = new ArrayList<>();
        Fault terminal = null;
        for (Rule rule : rules) {
            if (!rule.matcher().matches(method, path)) {
                continue;
            }
            boolean isTerminal = !(rule.fault() instanceof Delay) && !(rule.fault() instanceof Hook);
            if (isTerminal && terminal != null) {
                continue;
            }
            if (rule.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) {
                continue;
            }
            switch (rule.fault()) {
                case Delay d -> delay = delay.plus(d.delay());
                case Hook h -> hooks.add(h);
                default -> terminal = rule.fault();
            }
        }
        return new Plan(delay, hooks, terminal);
    }
}
