package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.install.Note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Sends one Cloudflare v4 call and returns its envelope: adds the bearer token, bounds how many calls are in flight,
 * retries what is worth retrying (429 after Retry-After; 5xx, dropped connections and timeouts with backoff) and
 * turns refusals into {@link CloudflareApiException}s carrying Cloudflare's codes. Logs method, path and status,
 * never headers or bodies; retries are logged at DEBUG because they are expected and recovered from (a call that
 * finally fails surfaces as an exception, not as console noise before the CLI's one error line).
 */
final class CloudflareHttp {

    private static final System.Logger LOG = System.getLogger("dev.arcrun.core.cloudflare");
    /** Log lines are for developers, in English; what users see is the facts in the exceptions and notes. */
    private static final dev.arcrun.core.i18n.Messages LOG_WORDS = new dev.arcrun.core.i18n.Messages(java.util.Locale.ENGLISH);
    static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the operation, its path parameters in template order, query and JSON body (null for none). */
    record Call(Operation op, List<String> pathParams, Map<String, String> query, Object body) {
        Call {
            query = query == null ? Map.of() : new LinkedHashMap<>(query);
        }

        static Call of(Operation op, String... pathParams) {
            return new Call(op, List.of(pathParams), Map.of(), null);
        }

        Call query(String name, Object value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, String.valueOf(value));
            return new Call(op, pathParams, q, body);
        }

        Call body(Object newBody) {
            return new Call(op, pathParams, query, newBody);
        }
    }

    /** HTTP status and parsed envelope of a successful call. */
    record Reply(int status, JsonNode envelope) {
        JsonNode result() {
            return envelope.path("result");
        }
    }

    private final URI base;
    private final ApiToken token;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Semaphore inFlight;
    private final HttpClient http;
    private final Consumer<Note> waits;

    CloudflareHttp(URI base, ApiToken token, RetryPolicy policy, Sleeper sleeper, int maxConcurrent) {
        this(base, token, policy, sleeper, maxConcurrent, note -> { });
    }

    /** @param waits told each time Cloudflare asks us to wait (429), as a {@link Note.Code#CLOUDFLARE_WAITING} */
    CloudflareHttp(URI base, ApiToken token, RetryPolicy policy, Sleeper sleeper, int maxConcurrent,
                   Consumer<Note> waits) {
        this.base = base;
        this.token = token;
        this.policy = policy;
        this.sleeper = sleeper;
        this.waits = waits;
        this.inFlight = new Semaphore(maxConcurrent, true);
        this.http = HttpClient.newBuilder()
                .connectTimeout(policy.requestTimeout())
                // Plain-HTTP bases are local stand-ins; there is no HTTP/2 upgrade to negotiate.
                .version("http".equals(base.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
    }

    URI base() {
        return base;
    }

    /**
     * Sends the call, retrying per the policy.
     *
     * @throws PermissionDeniedException when the token lacks the operation's permission group
     * @throws CloudflareApiException    when Cloudflare refuses the call
     * @throws UserFacingException       when Cloudflare cannot be reached or keeps failing
     */
    Reply send(Call call) {
        URI uri = uri(call);
        String shown = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = toJson(call.body());
        Duration rateLimitWaited = Duration.ZERO;
        CallProblem lastProblem;
        int attempt = 0;
        while (true) {
            attempt++;
            HttpResponse<byte[]> response;
            long started = System.nanoTime();
            try {
                response = exchange(call, uri, body);
            } catch (HttpTimeoutException e) {
                lastProblem = new CallProblem(CallProblem.Kind.NO_ANSWER, policy.requestTimeout());
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2} (attempt {3})", call.op().method(), shown,
                        LOG_WORDS.word(lastProblem), attempt);
                retryOrGiveUp(call, attempt, lastProblem);
                continue;
            } catch (IOException e) {
                lastProblem = CallProblem.ofConnection(e, uri.getHost());
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2} (attempt {3})", call.op().method(), shown,
                        LOG_WORDS.word(lastProblem), attempt);
                retryOrGiveUp(call, attempt, lastProblem);
                continue;
            }
            int status = response.statusCode();
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2} in {3} ms", call.op().method(), shown, status,
                    (System.nanoTime() - started) / 1_000_000);
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(policy.backoff(attempt));
                rateLimitWaited = rateLimitWaited.plus(wait);
                if (rateLimitWaited.compareTo(policy.rateLimitBudget()) > 0) {
                    throw new UserFacingException(
                            Failure.of(Failure.Code.CLOUDFLARE_RATE_LIMITED, call.op(), policy.rateLimitBudget()),
                            Advice.of(Advice.Code.WAIT_AND_RETRY));
                }
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: 429, waiting {2}", call.op().method(), shown, seconds(wait));
                waits.accept(Note.of(Note.Code.CLOUDFLARE_WAITING, call.op(), wait));
                pause(call, wait);
                attempt--; // a 429 is Cloudflare asking us to wait, not a failed attempt
                continue;
            }
            if (status >= 500) {
                lastProblem = new CallProblem(CallProblem.Kind.SERVER_ERROR, status + errorsText(response.body()));
                LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2} (attempt {3})", call.op().method(), shown,
                        LOG_WORDS.word(lastProblem), attempt);
                retryOrGiveUp(call, attempt, lastProblem);
                continue;
            }
            return interpret(call, status, response.body());
        }
    }

    private HttpResponse<byte[]> exchange(Call call, URI uri, byte[] body) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(policy.requestTimeout())
                .header("Authorization", token.bearerHeader())
                .header("Accept", "application/json")
                .header("User-Agent", "arcrun-desktop");
        if (body != null) {
            rb.header("Content-Type", "application/json");
        }
        rb.method(call.op().method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            inFlight.acquire();
            try {
                return http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException(Failure.of(Failure.Code.CLOUDFLARE_STOPPED, call.op()), Advice.NONE);
        }
    }

    private Reply interpret(Call call, int status, byte[] body) {
        if (status >= 200 && status < 300 && body.length == 0) {
            // Some calls outside the v4 envelope (R2 object deletes, as wrangler treats them) may answer no body.
            return new Reply(status, JSON.createObjectNode().put("success", true));
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (IOException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("success")) {
            throw new CloudflareApiException(Failure.of(Failure.Code.CLOUDFLARE_NOT_API, call.op(), status), status,
                    List.of(), Advice.of(Advice.Code.API_BASE_CHECK, base));
        }
        List<CloudflareError> errors = errors(envelope);
        if (status < 400 && envelope.path("success").asBoolean(false)) {
            return new Reply(status, envelope);
        }
        Optional<PermissionGroup> group = call.op().permissionGroup();
        if (status == 403 && errors.stream().anyMatch(e -> e.code() == 10000) && group.isPresent()) {
            throw new PermissionDeniedException(call.op(), status, errors, group.get());
        }
        throw new CloudflareApiException(call.op(), status, errors, adviceFor(status));
    }

    private void retryOrGiveUp(Call call, int attempt, CallProblem problem) {
        if (attempt >= policy.maxAttempts()) {
            throw new UserFacingException(Failure.of(Failure.Code.CLOUDFLARE_GAVE_UP, call.op(), attempt, problem),
                    Advice.of(Advice.Code.CHECK_CONNECTION));
        }
        pause(call, policy.backoff(attempt));
    }

    private void pause(Call call, Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException(Failure.of(Failure.Code.CLOUDFLARE_STOPPED, call.op()), Advice.NONE);
        }
    }

    /** Retry-After in seconds or as an HTTP date, capped by the policy. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException e2) {
                    return Optional.empty();
                }
            }
        }).map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }

    private URI uri(Call call) {
        String path = call.op().pathTemplate();
        for (String value : call.pathParams()) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            if (open < 0) {
                throw new IllegalArgumentException("too many path parameters for " + call.op());
            }
            path = path.substring(0, open) + encodeSegment(value) + path.substring(close + 1);
        }
        if (path.contains("{")) {
            throw new IllegalArgumentException("missing path parameter for " + call.op());
        }
        String query = call.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
    }

    static String encodeSegment(String s) {
        return encode(s).replace("+", "%20");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] toJson(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a request body", e);
        }
    }

    static List<CloudflareError> errors(JsonNode envelope) {
        List<CloudflareError> out = new ArrayList<>();
        for (JsonNode e : envelope.path("errors")) {
            out.add(new CloudflareError(e.path("code").asInt(0), e.path("message").asText("")));
        }
        return out;
    }

    private static String errorsText(byte[] body) {
        try {
            List<CloudflareError> errs = errors(JSON.readTree(body));
            return errs.isEmpty() ? "" : ": " + errs.stream().map(CloudflareError::toString)
                    .collect(Collectors.joining("; "));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Advice adviceFor(int status) {
        return switch (status) {
            case 401, 403 -> Advice.of(Advice.Code.TOKEN_CHECK_PERMISSIONS);
            case 404 -> Advice.of(Advice.Code.ACCOUNT_ID_CHECK);
            default -> Advice.NONE;
        };
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
