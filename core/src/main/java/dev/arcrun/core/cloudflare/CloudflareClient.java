package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Cloudflare's v4 API as the installer needs it: token verification, account discovery, permission probes, KV
 * namespaces and bulk writes, R2 buckets and the workers.dev subdomain. Independent calls run concurrently
 * ({@link #async}); at most {@code maxConcurrent} requests are in flight at once.
 */
public final class CloudflareClient implements AutoCloseable {

    /** Largest page the KV namespace list allows. */
    static final int KV_PAGE_SIZE = 100;
    static final int ACCOUNTS_PAGE_SIZE = 50;

    /** Cloudflare's error codes the client acts on. */
    static final int INVALID_TOKEN = 1000;
    static final int ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS = 1001;
    static final int KV_TITLE_EXISTS = 10014;
    static final int R2_BUCKET_EXISTS_YOURS = 10004;
    static final int R2_NO_SUCH_BUCKET = 10006;
    static final int R2_NO_SUCH_KEY = 10007;
    /** Cloudflare refuses to delete a bucket that still holds objects (409, BucketNotEmpty). */
    public static final int R2_BUCKET_NOT_EMPTY = 10008;
    /** Largest page of R2's object list. */
    static final int R2_OBJECTS_PAGE_SIZE = 1000;
    static final int WORKERS_NOT_FOUND = 10007;

    public record Options(RetryPolicy retry, Sleeper sleeper, int maxConcurrent) {
        public static Options defaults() {
            return new Options(RetryPolicy.defaults(), Sleeper.REAL, 8);
        }

        public Options withRetry(RetryPolicy r) {
            return new Options(r, sleeper, maxConcurrent);
        }

        public Options withSleeper(Sleeper s) {
            return new Options(retry, s, maxConcurrent);
        }

        public Options withMaxConcurrent(int n) {
            return new Options(retry, sleeper, n);
        }
    }

    private final CloudflareHttp http;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    public CloudflareClient(URI apiBase, ApiToken token, Options options) {
        if (options.maxConcurrent() < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1");
        }
        this.http = new CloudflareHttp(apiBase, token, options.retry(), options.sleeper(), options.maxConcurrent());
    }

    public CloudflareClient(CloudflareSettings settings, Options options) {
        this(settings.apiBase(), settings.token(), options);
    }

    public URI apiBase() {
        return http.base();
    }

    // ---- token

    /**
     * Asks Cloudflare about the token: first as a user token, then (when an account is known) as an account-owned
     * token. Returns the status as Cloudflare reports it; {@link #requireActive} turns it into a clear error.
     *
     * @throws UserFacingException when Cloudflare does not recognise the token at all
     */
    public TokenCheck verifyToken(Optional<String> accountId) {
        try {
            return tokenCheck(TokenCheck.Kind.USER, http.send(CloudflareHttp.Call.of(Operation.VERIFY_USER_TOKEN)));
        } catch (CloudflareApiException userRefusal) {
            if (!userRefusal.hasCode(INVALID_TOKEN)) {
                throw userRefusal;
            }
            if (accountId.isEmpty()) {
                throw invalidToken(userRefusal, "If it is an account-owned token, give the account id with "
                        + "--account or " + CloudflareSettings.ACCOUNT_ENV + ".");
            }
            try {
                return tokenCheck(TokenCheck.Kind.ACCOUNT,
                        http.send(CloudflareHttp.Call.of(Operation.VERIFY_ACCOUNT_TOKEN, accountId.get())));
            } catch (CloudflareApiException accountRefusal) {
                if (accountRefusal.hasCode(INVALID_TOKEN) || accountRefusal.httpStatus() == 401
                        || accountRefusal.httpStatus() == 404) {
                    throw invalidToken(accountRefusal, "");
                }
                throw accountRefusal;
            }
        }
    }

    /** Throws a message of its own for an expired or a disabled token. */
    public static TokenCheck requireActive(TokenCheck check) {
        URI fix = TokenTemplate.creationUrl(PermissionGroup.REQUIRED);
        return switch (check.status()) {
            case ACTIVE -> check;
            case EXPIRED -> throw new UserFacingException("The Cloudflare API token has expired.",
                    "Create a new token (or extend this one's TTL on Cloudflare's API Tokens page): " + fix);
            case DISABLED -> throw new UserFacingException("The Cloudflare API token is disabled.",
                    "Enable it again on Cloudflare's API Tokens page, or create a new one: " + fix);
        };
    }

    private static TokenCheck tokenCheck(TokenCheck.Kind kind, CloudflareHttp.Reply reply) {
        JsonNode r = reply.result();
        return new TokenCheck(kind, r.path("id").asText(), TokenCheck.Status.parse(r.path("status").asText()));
    }

    private static UserFacingException invalidToken(CloudflareApiException cause, String hint) {
        return new UserFacingException("Cloudflare does not recognise this API token ("
                + cause.errors().stream().map(CloudflareError::toString).collect(Collectors.joining("; ")) + ").",
                (hint.isEmpty() ? "" : hint + " ") + "Check that the whole token was copied, or create one: "
                        + TokenTemplate.creationUrl(PermissionGroup.REQUIRED), cause);
    }

    // ---- accounts

    /** Every account the (user) token can use, all pages. */
    public List<Account> listAccounts() {
        List<Account> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            CloudflareHttp.Reply reply = http.send(CloudflareHttp.Call.of(Operation.LIST_ACCOUNTS)
                    .query("page", page).query("per_page", ACCOUNTS_PAGE_SIZE));
            reply.result().forEach(a -> all.add(new Account(a.path("id").asText(), a.path("name").asText())));
            if (page >= totalPages(reply) || reply.result().isEmpty()) {
                return all;
            }
        }
    }

    /**
     * The account to work in: the configured one, else the only one the token can use.
     *
     * @throws UserFacingException when there are several (listing them) or none
     */
    public Account resolveAccount(Optional<String> configured) {
        if (configured.isPresent()) {
            return new Account(configured.get(), "");
        }
        List<Account> accounts;
        try {
            accounts = listAccounts();
        } catch (CloudflareApiException e) {
            if (e.hasCode(ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS)) {
                throw new UserFacingException("This is an account-owned token, which cannot list accounts.",
                        "Give the account id with --account or " + CloudflareSettings.ACCOUNT_ENV + ".", e);
            }
            throw e;
        }
        if (accounts.isEmpty()) {
            throw new UserFacingException("The token gives access to no Cloudflare account.",
                    "Create the token under the account Arcrun should use: "
                            + TokenTemplate.creationUrl(PermissionGroup.REQUIRED));
        }
        if (accounts.size() > 1) {
            throw new UserFacingException("The token can use " + accounts.size() + " accounts: "
                    + accounts.stream().map(a -> a.name() + " (" + a.id() + ")").collect(Collectors.joining(", "))
                    + ".", "Choose one with --account ID or " + CloudflareSettings.ACCOUNT_ENV + ".");
        }
        return accounts.getFirst();
    }

    // ---- permissions

    /**
     * Proves each permission group with one harmless read, concurrently. Account Settings can only be proven by
     * listing accounts, which account-owned tokens cannot do; for those it is reported as not checked.
     */
    public PermissionReport probePermissions(String accountId, TokenCheck.Kind kind) {
        List<CompletableFuture<PermissionReport.Check>> probes = new ArrayList<>();
        for (PermissionGroup group : PermissionGroup.REQUIRED) {
            probes.add(async(() -> probe(group, accountId, kind)));
        }
        return new PermissionReport(join(probes));
    }

    private PermissionReport.Check probe(PermissionGroup group, String accountId, TokenCheck.Kind kind) {
        CloudflareHttp.Call call = switch (group) {
            case WORKERS_SCRIPTS_EDIT -> CloudflareHttp.Call.of(Operation.LIST_SCRIPTS, accountId);
            case WORKERS_KV_STORAGE_EDIT -> CloudflareHttp.Call.of(Operation.LIST_KV_NAMESPACES, accountId)
                    .query("per_page", 5);
            case WORKERS_R2_STORAGE_EDIT -> CloudflareHttp.Call.of(Operation.LIST_R2_BUCKETS, accountId)
                    .query("per_page", 1);
            case ACCOUNT_SETTINGS_READ -> kind == TokenCheck.Kind.ACCOUNT ? null
                    : CloudflareHttp.Call.of(Operation.LIST_ACCOUNTS).query("per_page", 5);
        };
        if (call == null) {
            return new PermissionReport.Check(group, PermissionReport.Outcome.NOT_CHECKED,
                    "account-owned tokens cannot list accounts");
        }
        try {
            http.send(call);
            return new PermissionReport.Check(group, PermissionReport.Outcome.GRANTED, "");
        } catch (PermissionDeniedException e) {
            return new PermissionReport.Check(group, PermissionReport.Outcome.MISSING,
                    e.errors().stream().map(CloudflareError::toString).collect(Collectors.joining("; ")));
        }
    }

    // ---- KV

    /** All namespaces of the account: page 1 first, the remaining pages concurrently. */
    public List<KvNamespace> listKvNamespaces(String accountId) {
        CloudflareHttp.Reply first = kvPage(accountId, 1);
        List<KvNamespace> all = new ArrayList<>(namespaces(first));
        int pages = totalPages(first);
        List<CompletableFuture<List<KvNamespace>>> rest = new ArrayList<>();
        for (int page = 2; page <= pages; page++) {
            int p = page;
            rest.add(async(() -> namespaces(kvPage(accountId, p))));
        }
        join(rest).forEach(all::addAll);
        return all;
    }

    private CloudflareHttp.Reply kvPage(String accountId, int page) {
        return http.send(CloudflareHttp.Call.of(Operation.LIST_KV_NAMESPACES, accountId)
                .query("page", page).query("per_page", KV_PAGE_SIZE));
    }

    private static List<KvNamespace> namespaces(CloudflareHttp.Reply reply) {
        List<KvNamespace> out = new ArrayList<>();
        reply.result().forEach(n -> out.add(new KvNamespace(n.path("id").asText(), n.path("title").asText())));
        return out;
    }

    /**
     * Creates a namespace.
     *
     * @throws CloudflareApiException with code {@value #KV_TITLE_EXISTS} when the title is taken
     */
    public KvNamespace createKvNamespace(String accountId, String title) {
        JsonNode r = http.send(CloudflareHttp.Call.of(Operation.CREATE_KV_NAMESPACE, accountId)
                .body(Map.of("title", title))).result();
        return new KvNamespace(r.path("id").asText(), r.path("title").asText());
    }

    /** Writes the pairs in as few requests as Cloudflare's bulk limits allow, requests running concurrently. */
    public int kvBulkWrite(String accountId, String namespaceId, List<KvPair> pairs) {
        List<List<KvPair>> batches = KvBatches.split(pairs);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (List<KvPair> batch : batches) {
            writes.add(async(() -> {
                http.send(CloudflareHttp.Call.of(Operation.KV_BULK_WRITE, accountId, namespaceId)
                        .body(batch.stream().map(KvBatches::body).toList()));
                return null;
            }));
        }
        join(writes);
        return batches.size();
    }

    // ---- R2

    public boolean r2BucketExists(String accountId, String name) {
        try {
            http.send(CloudflareHttp.Call.of(Operation.GET_R2_BUCKET, accountId, name));
            return true;
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (e.hasCode(R2_NO_SUCH_BUCKET) || e.httpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the bucket; returns false when it already existed and is yours (Cloudflare's 409, code 10004). */
    public boolean createR2Bucket(String accountId, String name) {
        try {
            http.send(CloudflareHttp.Call.of(Operation.CREATE_R2_BUCKET, accountId).body(Map.of("name", name)));
            return true;
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (e.hasCode(R2_BUCKET_EXISTS_YOURS)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Every object key in the bucket, following Cloudflare's cursor page by page (each page needs the previous
     * one's cursor, so pages cannot be fetched concurrently). Empty when the bucket does not exist.
     */
    public List<String> listR2ObjectKeys(String accountId, String bucket) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        while (true) {
            CloudflareHttp.Call call = CloudflareHttp.Call.of(Operation.LIST_R2_OBJECTS, accountId, bucket)
                    .query("per_page", R2_OBJECTS_PAGE_SIZE);
            if (cursor != null) {
                call = call.query("cursor", cursor);
            }
            CloudflareHttp.Reply reply;
            try {
                reply = http.send(call);
            } catch (PermissionDeniedException e) {
                throw e;
            } catch (CloudflareApiException e) {
                if (e.hasCode(R2_NO_SUCH_BUCKET) || e.httpStatus() == 404) {
                    return keys;
                }
                throw e;
            }
            reply.result().forEach(o -> keys.add(o.path("key").asText()));
            JsonNode info = reply.envelope().path("result_info");
            String next = info.path("cursor").asText("");
            if (!info.path("is_truncated").asBoolean(false) || next.isEmpty()) {
                return keys;
            }
            if (next.equals(cursor)) {
                throw new CloudflareApiException(Operation.LIST_R2_OBJECTS.action(), reply.status(), List.of(),
                        "Cloudflare returned the same page cursor twice; try again later.");
            }
            cursor = next;
        }
    }

    /**
     * Deletes the objects concurrently (bounded by the in-flight limit, each call retried like any other).
     *
     * @return how many were deleted; keys that were already gone are not counted
     */
    public int deleteR2Objects(String accountId, String bucket, List<String> keys) {
        List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
        for (String key : keys) {
            deletes.add(async(() -> deleteIfPresent(
                    CloudflareHttp.Call.of(Operation.DELETE_R2_OBJECT, accountId, bucket, key))));
        }
        return (int) join(deletes).stream().filter(Boolean::booleanValue).count();
    }

    /**
     * Deletes every object in the bucket, listing again until a listing comes back empty (a worker may still be
     * writing). Cloudflare refuses to delete a bucket that holds objects.
     *
     * @return how many objects were deleted
     */
    public int emptyR2Bucket(String accountId, String bucket) {
        int deleted = 0;
        for (int round = 0; round < 3; round++) {
            List<String> keys = listR2ObjectKeys(accountId, bucket);
            if (keys.isEmpty()) {
                break;
            }
            deleted += deleteR2Objects(accountId, bucket, keys);
        }
        return deleted;
    }

    // ---- workers.dev

    /** The account's workers.dev subdomain, or empty when it has none yet. */
    public Optional<String> workersSubdomain(String accountId) {
        try {
            JsonNode r = http.send(CloudflareHttp.Call.of(Operation.GET_SUBDOMAIN, accountId)).result();
            String name = r.path("subdomain").asText(r.path("name").asText(""));
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (e.hasCode(WORKERS_NOT_FOUND) || e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Registers {@code name}.workers.dev for the account (only ever on an explicit request by the user). */
    // ---- removal (uninstall deletes exactly what its journal lists)

    /** Deletes a KV namespace; false when it was already gone. */
    public boolean deleteKvNamespace(String accountId, String namespaceId) {
        return deleteIfPresent(CloudflareHttp.Call.of(Operation.DELETE_KV_NAMESPACE, accountId, namespaceId));
    }

    /**
     * Deletes an R2 bucket; false when it was already gone.
     *
     * @throws CloudflareApiException with code {@value #R2_BUCKET_NOT_EMPTY} when it still holds objects (see
     *                                {@link #emptyR2Bucket})
     */
    public boolean deleteR2Bucket(String accountId, String name) {
        return deleteIfPresent(CloudflareHttp.Call.of(Operation.DELETE_R2_BUCKET, accountId, name));
    }

    /** Deletes a Worker script (with its secrets and routes); false when it was already gone. */
    public boolean deleteWorkerScript(String accountId, String scriptName) {
        return deleteIfPresent(CloudflareHttp.Call.of(Operation.DELETE_SCRIPT, accountId, scriptName)
                .query("force", "true"));
    }

    private boolean deleteIfPresent(CloudflareHttp.Call call) {
        try {
            http.send(call);
            return true;
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (e.httpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    public String registerSubdomain(String accountId, String name) {
        JsonNode r = http.send(CloudflareHttp.Call.of(Operation.CREATE_SUBDOMAIN, accountId)
                .body(Map.of("subdomain", name))).result();
        return r.path("subdomain").asText(name);
    }

    // ---- concurrency

    /** Runs the work on the client's threads; HTTP concurrency stays bounded by the in-flight limit. */
    <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, tasks);
    }

    /** Waits for all; rethrows the first failure as it was thrown (a UserFacingException keeps its message). */
    static <T> List<T> join(List<CompletableFuture<T>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // fall through: report the first failure in submission order
        }
        List<T> out = new ArrayList<>();
        for (CompletableFuture<T> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return out;
    }

    private static int totalPages(CloudflareHttp.Reply reply) {
        JsonNode info = reply.envelope().path("result_info");
        if (info.has("total_pages")) {
            return info.get("total_pages").asInt(1);
        }
        int perPage = Math.max(1, info.path("per_page").asInt(1));
        return (int) Math.ceil(info.path("total_count").asDouble(0) / perPage);
    }

    @Override
    public void close() {
        tasks.close();
    }
}
