package dev.arcrun.testkit.cloudflare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the stand-in remembers: accounts, tokens, KV namespaces and their pairs, R2 buckets, the workers.dev
 * subdomain and worker scripts. All methods are synchronized: requests arrive on many threads and tests mutate
 * state between calls.
 */
public final class StandInState {

    public record Account(String id, String name) {}

    public record Namespace(String id, String title, Map<String, KvEntry> entries) {}

    public record KvEntry(byte[] value, String metadataJson, Long expiration) {}

    public record Bucket(String name, String creationDate, String location, String storageClass) {}

    /** One object in a bucket: what the list endpoint reports about it (the bytes only give its size). */
    public record R2Object(String key, long size, String etag, String lastModified, String contentType) {}

    /** What a bucket delete came to; Cloudflare refuses to delete a bucket that still holds objects. */
    public enum BucketRemoval { DELETED, NO_SUCH_BUCKET, NOT_EMPTY }

    public record Script(String name, byte[] content, String contentType, Instant createdOn, Instant modifiedOn,
                         String etag) {}

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, StandInToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Namespace>> namespaces = new LinkedHashMap<>();
    private final Map<String, Map<String, Bucket>> buckets = new LinkedHashMap<>();
    /** account → bucket → key → object, keys in order (R2 lists lexicographically). */
    private final Map<String, Map<String, NavigableMap<String, R2Object>>> objects = new LinkedHashMap<>();
    private final Map<String, String> subdomains = new LinkedHashMap<>();
    private final Map<String, Map<String, Script>> scripts = new LinkedHashMap<>();

    /** A 32-hex-digit identifier, the shape Cloudflare uses for account, namespace and token ids. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    // ---- accounts and tokens

    public synchronized Account addAccount(String name) {
        return addAccount(newId(), name);
    }

    public synchronized Account addAccount(String id, String name) {
        Account a = new Account(id, name);
        accounts.put(id, a);
        return a;
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public synchronized Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public StandInToken addToken(StandInToken token) {
        tokens.put(token.value(), token);
        return token;
    }

    public Optional<StandInToken> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }

    /** Replaces the token with the same value, e.g. to expire or disable it between calls. */
    public void updateToken(StandInToken token) {
        tokens.put(token.value(), token);
    }

    // ---- KV

    public synchronized List<Namespace> namespaces(String accountId) {
        return List.copyOf(namespaces.getOrDefault(accountId, Map.of()).values());
    }

    public synchronized Optional<Namespace> namespace(String accountId, String id) {
        return Optional.ofNullable(namespaces.getOrDefault(accountId, Map.of()).get(id));
    }

    public synchronized Optional<Namespace> namespaceByTitle(String accountId, String title) {
        return namespaces.getOrDefault(accountId, Map.of()).values().stream()
                .filter(n -> n.title().equals(title)).findFirst();
    }

    /** Creates a namespace; empty when the account already owns one with this title (Cloudflare's rule). */
    public synchronized Optional<Namespace> createNamespace(String accountId, String title) {
        if (namespaceByTitle(accountId, title).isPresent()) {
            return Optional.empty();
        }
        Namespace ns = new Namespace(newId(), title, new LinkedHashMap<>());
        namespaces.computeIfAbsent(accountId, k -> new LinkedHashMap<>()).put(ns.id(), ns);
        return Optional.of(ns);
    }

    /** Seeds {@code count} namespaces titled {@code titlePrefix + i} (the "many pre-existing namespaces" case). */
    public synchronized List<Namespace> seedNamespaces(String accountId, int count, String titlePrefix) {
        List<Namespace> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            createNamespace(accountId, titlePrefix + i).ifPresent(created::add);
        }
        return created;
    }

    public synchronized boolean renameNamespace(String accountId, String id, String title) {
        Map<String, Namespace> all = namespaces.getOrDefault(accountId, Map.of());
        Namespace ns = all.get(id);
        if (ns == null) {
            return false;
        }
        all.put(id, new Namespace(id, title, ns.entries()));
        return true;
    }

    public synchronized boolean deleteNamespace(String accountId, String id) {
        return namespaces.getOrDefault(accountId, new LinkedHashMap<>()).remove(id) != null;
    }

    // ---- R2

    public synchronized List<Bucket> buckets(String accountId) {
        return List.copyOf(buckets.getOrDefault(accountId, Map.of()).values());
    }

    public synchronized Optional<Bucket> bucket(String accountId, String name) {
        return Optional.ofNullable(buckets.getOrDefault(accountId, Map.of()).get(name));
    }

    /** Creates a bucket; empty when it already exists. */
    public synchronized Optional<Bucket> createBucket(String accountId, String name, String location,
                                                      String storageClass) {
        Map<String, Bucket> all = buckets.computeIfAbsent(accountId, k -> new LinkedHashMap<>());
        if (all.containsKey(name)) {
            return Optional.empty();
        }
        Bucket b = new Bucket(name, Instant.now().toString(), location, storageClass);
        all.put(name, b);
        return Optional.of(b);
    }

    /** Deletes a bucket the way Cloudflare does: only when it holds no objects. */
    public synchronized BucketRemoval deleteBucket(String accountId, String name) {
        Map<String, Bucket> all = buckets.getOrDefault(accountId, new LinkedHashMap<>());
        if (!all.containsKey(name)) {
            return BucketRemoval.NO_SUCH_BUCKET;
        }
        if (!bucketObjects(accountId, name).isEmpty()) {
            return BucketRemoval.NOT_EMPTY;
        }
        all.remove(name);
        objects.getOrDefault(accountId, new LinkedHashMap<>()).remove(name);
        return BucketRemoval.DELETED;
    }

    /**
     * Puts an object into a bucket, as a worker with the bucket bound would (e.g. the engine's registry copying a
     * component binary on first use).
     *
     * @return false when there is no such bucket
     */
    public synchronized boolean putObject(String accountId, String bucket, String key, byte[] content,
                                          String contentType) {
        if (bucket(accountId, bucket).isEmpty()) {
            return false;
        }
        R2Object o = new R2Object(key, content.length, newId(), Instant.now().toString(), contentType);
        objects.computeIfAbsent(accountId, k -> new LinkedHashMap<>())
                .computeIfAbsent(bucket, k -> new TreeMap<>()).put(key, o);
        return true;
    }

    /** The bucket's objects in key order (empty when the bucket does not exist or holds none). */
    public synchronized List<R2Object> objects(String accountId, String bucket) {
        return List.copyOf(bucketObjects(accountId, bucket).values());
    }

    /** Deletes one object; false when the bucket or the key does not exist. */
    public synchronized boolean deleteObject(String accountId, String bucket, String key) {
        return bucketObjects(accountId, bucket).remove(key) != null;
    }

    private NavigableMap<String, R2Object> bucketObjects(String accountId, String bucket) {
        NavigableMap<String, R2Object> m = objects.getOrDefault(accountId, Map.of()).get(bucket);
        return m == null ? new TreeMap<>() : m;
    }

    // ---- workers

    public synchronized Optional<String> subdomain(String accountId) {
        return Optional.ofNullable(subdomains.get(accountId));
    }

    public synchronized void setSubdomain(String accountId, String name) {
        if (name == null) {
            subdomains.remove(accountId);
        } else {
            subdomains.put(accountId, name);
        }
    }

    public synchronized List<Script> scripts(String accountId) {
        return List.copyOf(scripts.getOrDefault(accountId, Map.of()).values());
    }

    public synchronized Optional<Script> script(String accountId, String name) {
        return Optional.ofNullable(scripts.getOrDefault(accountId, Map.of()).get(name));
    }

    public synchronized Script putScript(String accountId, String name, byte[] content, String contentType) {
        Map<String, Script> all = scripts.computeIfAbsent(accountId, k -> new LinkedHashMap<>());
        Instant now = Instant.now();
        Script old = all.get(name);
        Script s = new Script(name, content, contentType, old == null ? now : old.createdOn(), now, newId());
        all.put(name, s);
        return s;
    }

    public synchronized boolean deleteScript(String accountId, String name) {
        return scripts.getOrDefault(accountId, new LinkedHashMap<>()).remove(name) != null;
    }
}
