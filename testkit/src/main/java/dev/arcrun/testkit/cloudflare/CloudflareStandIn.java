package dev.arcrun.testkit.cloudflare;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A stateful, in-process stand-in for Cloudflare's v4 API on 127.0.0.1. It serves accounts, memberships, token
 * verify, KV, R2, the workers.dev subdomain and worker scripts with Cloudflare's envelope and pagination, injects
 * faults on request ({@link #faults()}), logs every exchange ({@link #exchanges()}) and, when built with contract
 * validation, checks every exchange against Cloudflare's OpenAPI document.
 *
 * <pre>{@code
 * try (var cf = CloudflareStandIn.builder().validateContract().start()) {
 *     client = new CloudflareClient(cf.baseUrl(), cf.token(), …);
 *     …
 *     cf.assertNoContractViolations();
 * }
 * }</pre>
 */
public final class CloudflareStandIn implements AutoCloseable {

    public static final String API_PREFIX = "/client/v4";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StandInState state = new StandInState();
    private final Faults faults = new Faults();
    private final Router router = new Router();
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
    private final ContractValidator validator;
    private final String token;
    private final String accountId;
    private volatile java.util.function.Consumer<String> violationListener = v -> { };

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private String token;
        private String accountName = "Arcrun Test Account";
        private String accountId;
        private boolean validate;

        /** Port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Value of the default user token; random when not set. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder account(String id, String name) {
            this.accountId = id;
            this.accountName = name;
            return this;
        }

        /** Validate every exchange against Cloudflare's OpenAPI document (see {@link ContractValidator}). */
        public Builder validateContract() {
            this.validate = true;
            return this;
        }

        public CloudflareStandIn start() {
            try {
                return new CloudflareStandIn(this);
            } catch (IOException e) {
                throw new IllegalStateException("could not start the Cloudflare stand-in", e);
            }
        }
    }

    private CloudflareStandIn(Builder b) throws IOException {
        this.validator = b.validate ? ContractValidator.shared() : null;
        this.token = b.token == null ? StandInToken.randomValue() : b.token;
        this.accountId = (b.accountId == null ? state.addAccount(b.accountName)
                : state.addAccount(b.accountId, b.accountName)).id();
        state.addToken(StandInToken.user(token));
        state.setSubdomain(accountId, "arcrun-test");
        register(new AccountEndpoints(state));
        register(new KvEndpoints(state));
        register(new R2Endpoints(state));
        register(new WorkersEndpoints(state));
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds a group of endpoints (e.g. the worker-deploy calls wrangler makes). */
    public CloudflareStandIn register(EndpointGroup group) {
        group.register(router);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:41234/client/v4}: what CLOUDFLARE_API_BASE_URL / --api-base take. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + API_PREFIX);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The default token: an active user token with every permission the installer needs. */
    public String token() {
        return token;
    }

    /** The default account, owned by the default token's user. */
    public String accountId() {
        return accountId;
    }

    public StandInState state() {
        return state;
    }

    public Faults faults() {
        return faults;
    }

    /** Adds a token and returns its value. */
    public String addToken(StandInToken t) {
        return state.addToken(t).value();
    }

    /** Every exchange so far, in arrival order. */
    public List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public List<RecordedExchange> exchanges(Predicate<RecordedExchange> filter) {
        return exchanges.stream().filter(filter).toList();
    }

    public long count(String method, String pathRegex) {
        return exchanges.stream().filter(e -> e.method().equalsIgnoreCase(method) && e.path().matches(pathRegex))
                .count();
    }

    public void clearExchanges() {
        exchanges.clear();
    }

    /** Called with each contract violation as it is found (the standalone main prints them). */
    public void onViolation(java.util.function.Consumer<String> listener) {
        this.violationListener = listener;
    }

    /**
     * wrangler (which we run but do not write) sends query parameters the published slice does not list; those are
     * tolerated for requests whose User-Agent is wrangler's, and only those: our own client is held to the whole
     * contract.
     */
    static List<String> toleratingWranglersExtraQuery(Map<String, List<String>> headers, List<String> violations) {
        boolean wrangler = headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("User-Agent"))
                .flatMap(e -> e.getValue().stream())
                .anyMatch(ua -> ua.toLowerCase(java.util.Locale.ROOT).startsWith("wrangler/"));
        return wrangler ? violations.stream().filter(v -> !v.contains("query.unexpected")).toList() : violations;
    }

    /** All contract violations found so far, one line each. */
    public List<String> contractViolations() {
        return exchanges.stream().flatMap(e -> e.violations().stream()).toList();
    }

    /**
     * Fails (AssertionError) when any exchange broke the contract; call it in {@code @AfterEach}. Also fails when
     * the stand-in was built without validation, so a test cannot silently skip it.
     */
    public void assertNoContractViolations() {
        if (validator == null) {
            throw new AssertionError("the stand-in was started without validateContract()");
        }
        List<String> v = contractViolations();
        if (!v.isEmpty()) {
            throw new AssertionError(v.size() + " Cloudflare contract violation(s):\n  " + String.join("\n  ", v));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- request handling

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        String rawPath = uri.getRawPath();
        String uriText = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        String apiPath = rawPath.startsWith(API_PREFIX) ? rawPath.substring(API_PREFIX.length()) : null;

        Faults.Plan plan = faults.plan(method, apiPath == null ? rawPath : apiPath);
        sleep(plan.delay());

        if (plan.terminal() instanceof Faults.ConnectionReset reset) {
            exchanges.add(new RecordedExchange(Instant.now(), method, uriText, headers, body, -1, new byte[0],
                    reset, validate(method, rawPath, query, headers, body, -1, Map.of(), new byte[0], false)));
            // An exception escaping the handler makes the JDK server close the socket without an answer.
            throw new IOException("stand-in: connection reset (injected fault)");
        }

        ApiResponse response;
        boolean edgeFault = plan.terminal() != null;
        if (plan.terminal() instanceof Faults.RateLimit rl) {
            // Cloudflare's API edge answers this way (code 971) when the global rate limit is hit.
            response = ApiResponse.failure(429, 971, "More than 1200 requests per 300 seconds reached. "
                    + "Please wait and consider throttling your request speed")
                    .withHeader("Retry-After", Integer.toString(rl.retryAfterSeconds()));
        } else if (plan.terminal() instanceof Faults.ServerError se) {
            response = ApiResponse.failure(se.status(), 10002, "Internal server error");
        } else if (apiPath == null) {
            response = ApiResponse.failure(404, 7000, "No route for that URI");
        } else {
            response = dispatch(method, apiPath, query, headers, body, plan);
        }

        List<String> violations = toleratingWranglersExtraQuery(headers, validate(method, rawPath, query, headers,
                body, response.status(), response.headers(), response.body(), !edgeFault));
        violations.forEach(violationListener);
        exchanges.add(new RecordedExchange(Instant.now(), method, uriText, headers, body, response.status(),
                response.body(), plan.terminal(), violations));
        response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("CF-RAY", Long.toHexString(System.nanoTime()) + "-STANDIN");
        byte[] out = response.body();
        ex.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private ApiResponse dispatch(String method, String apiPath, Map<String, List<String>> query,
                                 Map<String, List<String>> headers, byte[] body, Faults.Plan plan) {
        Optional<Router.Match> match = router.match(method, apiPath);
        if (match.isEmpty()) {
            return ApiResponse.failure(404, 7000, "No route for that URI");
        }
        Route route = match.get().route();
        Optional<StandInToken> tok = bearer(headers).flatMap(state::token);
        ApiRequest request = new ApiRequest(method, apiPath, match.get().pathParams(), query, headers, body, tok);
        plan.hooks().forEach(h -> h.action().accept(request));
        if (bearer(headers).isEmpty()) {
            return ApiResponse.failure(400, 6003, "Invalid request headers");
        }
        Optional<ApiResponse> denied = switch (route.access()) {
            case SELF -> Optional.empty();
            case USER -> checkUser(tok);
            case ACCOUNT -> checkAccount(tok, request.pathParam("account_id"), route.permissionKey());
        };
        if (denied.isPresent()) {
            return denied.get();
        }
        try {
            return route.handler().handle(request);
        } catch (BadRequest e) {
            return ApiResponse.failure(400, e.code, e.getMessage());
        } catch (RuntimeException e) {
            return ApiResponse.failure(500, 10002, "stand-in handler failed: " + e);
        }
    }

    private static Optional<ApiResponse> checkUser(Optional<StandInToken> tok) {
        if (tok.isEmpty() || !tok.get().active()) {
            return Optional.of(ApiResponse.failure(401, 9109, "Invalid access token"));
        }
        if (tok.get().accountOwned()) {
            return Optional.of(ApiResponse.failure(400, 1001,
                    "List accounts endpoint does not support account owned tokens."));
        }
        return Optional.empty();
    }

    private Optional<ApiResponse> checkAccount(Optional<StandInToken> tok, String account, String permissionKey) {
        ApiResponse authError = ApiResponse.failure(403, 10000, "Authentication error");
        if (tok.isEmpty() || !tok.get().active() || state.account(account).isEmpty()) {
            return Optional.of(authError);
        }
        StandInToken t = tok.get();
        if (t.accountOwned() && !t.ownerAccountId().equals(account)) {
            return Optional.of(authError);
        }
        if (permissionKey != null && t.permissions().stream().noneMatch(p -> p.covers(permissionKey))) {
            return Optional.of(authError);
        }
        return Optional.empty();
    }

    private List<String> validate(String method, String rawPath, Map<String, List<String>> query,
                                  Map<String, List<String>> headers, byte[] body, int status,
                                  Map<String, String> responseHeaders, byte[] responseBody, boolean response) {
        if (validator == null) {
            return List.of();
        }
        try {
            return validator.validate(method, rawPath, query, headers, body, status, responseHeaders, responseBody,
                    response && status > 0);
        } catch (RuntimeException e) {
            return List.of(method + " " + rawPath + ": validator failed: " + e);
        }
    }

    private static Optional<String> bearer(Map<String, List<String>> headers) {
        for (var e : headers.entrySet()) {
            if ("Authorization".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
                String v = e.getValue().getFirst();
                if (v.regionMatches(true, 0, "Bearer ", 0, 7) && v.length() > 7) {
                    return Optional.of(v.substring(7).trim());
                }
            }
        }
        return Optional.empty();
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown by handlers for a malformed request; becomes HTTP 400 with Cloudflare's envelope. */
    public static final class BadRequest extends RuntimeException {
        private final int code;

        public BadRequest(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
