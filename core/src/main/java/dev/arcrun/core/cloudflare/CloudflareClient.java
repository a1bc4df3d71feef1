package dev.arcrun.core.cloudflare;

import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Cloudflare's v4 API as the installer needs it: token verification, account discovery, permission probes, KV
 * namespaces and bulk writes, R2 buckets and objects, the workers.dev subdomain and the removal of what an install
 * made. Each area is a class of its own ({@link Tokens}, {@link Accounts}, {@link Permissions}, {@link KvApi},
 * {@link R2Api}, {@link WorkersApi}); this is the one door to them, sharing one HTTP client and one bounded pool.
 * Independent calls run concurrently ({@link #async}); at most {@code maxConcurrent} requests are in flight.
 */
public final class CloudflareClient implements AutoCloseable {

    /** Cloudflare's code for a KV namespace title that is taken. */
    static final int KV_TITLE_EXISTS = KvApi.TITLE_EXISTS;
    /** Cloudflare refuses to delete a bucket that still holds objects (409, BucketNotEmpty). */
    public static final int R2_BUCKET_NOT_EMPTY = 10008;

    /** @param waits told each time Cloudflare asks the client to wait (HTTP 429), as a note a face can show */
    public record Options(RetryPolicy retry, Sleeper sleeper, int maxConcurrent,
                          java.util.function.Consumer<dev.arcrun.core.install.Note> waits) {
        public Options {
            java.util.Objects.requireNonNull(waits);
        }

        public Options(RetryPolicy retry, Sleeper sleeper, int maxConcurrent) {
            this(retry, sleeper, maxConcurrent, note -> { });
        }

        public static Options defaults() {
            return new Options(RetryPolicy.defaults(), Sleeper.REAL, 8);
        }

        public Options withRetry(RetryPolicy r) {
            return new Options(r, sleeper, maxConcurrent, waits);
        }

        public Options withSleeper(Sleeper s) {
            return new Options(retry, s, maxConcurrent, waits);
        }

        public Options withMaxConcurrent(int n) {
            return new Options(retry, sleeper, n, waits);
        }

        public Options withWaits(java.util.function.Consumer<dev.arcrun.core.install.Note> w) {
            return new Options(retry, sleeper, maxConcurrent, w);
        }
    }

    private final CloudflareHttp http;
    private final Parallel parallel = new Parallel();
    private final Tokens tokens;
    private final Accounts accounts;
    private final Permissions permissions;
    private final KvApi kv;
    private final R2Api r2;
    private final WorkersApi workers;

    public CloudflareClient(URI apiBase, ApiToken token, Options options) {
        if (options.maxConcurrent() < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1");
        }
        this.http = new CloudflareHttp(apiBase, token, options.retry(), options.sleeper(), options.maxConcurrent(),
                options.waits());
        this.tokens = new Tokens(http);
        this.accounts = new Accounts(http);
        this.permissions = new Permissions(http, parallel);
        this.kv = new KvApi(http, parallel);
        this.r2 = new R2Api(http, parallel);
        this.workers = new WorkersApi(http);
    }

    public CloudflareClient(CloudflareSettings settings, Options options) {
        this(settings.apiBase(), settings.token(), options);
    }

    public URI apiBase() {
        return http.base();
    }

    // ---- token and account

    /**
     * Asks Cloudflare about the token: first as a user token, then (when an account is known) as an account-owned
     * token. Returns the status as Cloudflare reports it; {@link #requireActive} turns it into a clear error.
     *
     * @throws UserFacingException when Cloudflare does not recognise the token at all
     */
    public TokenCheck verifyToken(Optional<String> accountId) {
        return tokens.verify(accountId);
    }

    /** Throws a message of its own for an expired or a disabled token. */
    public static TokenCheck requireActive(TokenCheck check) {
        return Tokens.requireActive(check);
    }

    /** Every account the (user) token can use, all pages. */
    public List<Account> listAccounts() {
        return accounts.list();
    }

    /**
     * The account to work in: the configured one, else the only one the token can use.
     *
     * @throws UserFacingException when there are several (listing them) or none
     */
    public Account resolveAccount(Optional<String> configured) {
        return accounts.resolve(configured);
    }

    /** Proves each permission group with one harmless read, concurrently. */
    public PermissionReport probePermissions(String accountId, TokenCheck.Kind kind) {
        return permissions.probe(accountId, kind);
    }

    // ---- KV

    /** All namespaces of the account. */
    public List<KvNamespace> listKvNamespaces(String accountId) {
        return kv.list(accountId);
    }

    /**
     * Creates a namespace.
     *
     * @throws CloudflareApiException with code {@value #KV_TITLE_EXISTS} when the title is taken
     */
    public KvNamespace createKvNamespace(String accountId, String title) {
        return kv.create(accountId, title);
    }

    /** Writes the pairs in as few requests as Cloudflare's bulk limits allow, requests running concurrently. */
    public int kvBulkWrite(String accountId, String namespaceId, List<KvPair> pairs) {
        return kv.bulkWrite(accountId, namespaceId, pairs);
    }

    /** Deletes a KV namespace; false when it was already gone. */
    public boolean deleteKvNamespace(String accountId, String namespaceId) {
        return kv.delete(accountId, namespaceId);
    }

    // ---- R2

    public boolean r2BucketExists(String accountId, String name) {
        return r2.exists(accountId, name);
    }

    /** Creates the bucket; returns false when it already existed and is yours (Cloudflare's 409, code 10004). */
    public boolean createR2Bucket(String accountId, String name) {
        return r2.create(accountId, name);
    }

    /**
     * Every object key in the bucket, following Cloudflare's cursor page by page (each page needs the previous
     * one's cursor, so pages cannot be fetched concurrently). Empty when the bucket does not exist.
     */
    public List<String> listR2ObjectKeys(String accountId, String bucket) {
        return r2.listKeys(accountId, bucket);
    }

    /** Deletes the objects concurrently; returns how many were deleted (keys already gone are not counted). */
    public int deleteR2Objects(String accountId, String bucket, List<String> keys) {
        return r2.deleteObjects(accountId, bucket, keys);
    }

    /**
     * Deletes every object in the bucket, listing again until a listing comes back empty (a worker may still be
     * writing). Cloudflare refuses to delete a bucket that holds objects. Returns how many objects were deleted.
     */
    public int emptyR2Bucket(String accountId, String bucket) {
        return r2.empty(accountId, bucket);
    }

    /**
     * Deletes an R2 bucket; false when it was already gone.
     *
     * @throws CloudflareApiException with code {@value #R2_BUCKET_NOT_EMPTY} when it still holds objects (see
     *                                {@link #emptyR2Bucket})
     */
    public boolean deleteR2Bucket(String accountId, String name) {
        return r2.deleteBucket(accountId, name);
    }

    // ---- Workers

    /** The account's workers.dev subdomain, or empty when it has none yet. */
    public Optional<String> workersSubdomain(String accountId) {
        return workers.subdomain(accountId);
    }

    /** Registers {@code name}.workers.dev for the account (only ever on an explicit request by the user). */
    public String registerSubdomain(String accountId, String name) {
        return workers.registerSubdomain(accountId, name);
    }

    /** Deletes a Worker script (with its secrets and routes); false when it was already gone. */
    public boolean deleteWorkerScript(String accountId, String scriptName) {
        return workers.deleteScript(accountId, scriptName);
    }

    // ---- concurrency

    /** Runs the work on the client's threads; HTTP concurrency stays bounded by the in-flight limit. */
    <T> CompletableFuture<T> async(Supplier<T> work) {
        return parallel.async(work);
    }

    /** Waits for all; rethrows the first failure as it was thrown. */
    static <T> List<T> join(List<CompletableFuture<T>> futures) {
        return Parallel.join(futures);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
