package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes sure the manifest's KV namespaces and R2 bucket exist: reuses what is there, creates what is missing, and
 * treats losing a creation race (another install created the same title first) as "exists". Lookups run
 * concurrently, then all creations run concurrently, so with N resources the work costs about two round trips
 * rather than N.
 */
public final class Provisioner {

    /**
     * Told of each resource the moment it is created, before the others finish: when a later creation fails,
     * {@link #ensure} throws, and this is the only record that the earlier ones now exist.
     */
    public interface CreationListener {
        CreationListener NONE = new CreationListener() {
            @Override public void kvCreated(ProvisionResult.KvResult kv) { }

            @Override public void r2Created(ProvisionResult.R2Result r2) { }
        };

        void kvCreated(ProvisionResult.KvResult kv);

        void r2Created(ProvisionResult.R2Result r2);
    }

    private final CloudflareClient client;

    public Provisioner(CloudflareClient client) {
        this.client = client;
    }

    /** @param dryRun only look: missing resources are reported as would-create */
    public ProvisionResult ensure(String accountId, ResourceManifest manifest, boolean dryRun) {
        return ensure(accountId, manifest, dryRun, CreationListener.NONE);
    }

    public ProvisionResult ensure(String accountId, ResourceManifest manifest, boolean dryRun, CreationListener listener) {
        CompletableFuture<List<KvNamespace>> namespaces = client.async(() -> client.listKvNamespaces(accountId));
        List<CompletableFuture<Boolean>> bucketChecks = manifest.r2().stream()
                .map(b -> client.async(() -> client.r2BucketExists(accountId, b.name()))).toList();
        CompletableFuture<Optional<String>> subdomain = client.async(() -> client.workersSubdomain(accountId));

        Map<String, KvNamespace> byTitle = CloudflareClient.join(List.of(namespaces)).getFirst().stream()
                .collect(Collectors.toMap(KvNamespace::title, Function.identity(), (a, b) -> a));
        List<Boolean> bucketsExist = CloudflareClient.join(bucketChecks);

        List<CompletableFuture<ProvisionResult.KvResult>> kv = new ArrayList<>();
        for (ResourceManifest.Kv spec : manifest.kv()) {
            KvNamespace existing = byTitle.get(spec.title());
            if (existing != null) {
                kv.add(CompletableFuture.completedFuture(new ProvisionResult.KvResult(spec.binding(), spec.title(),
                        Optional.of(existing.id()), ProvisionResult.Action.EXISTS)));
            } else if (dryRun) {
                kv.add(CompletableFuture.completedFuture(new ProvisionResult.KvResult(spec.binding(), spec.title(),
                        Optional.empty(), ProvisionResult.Action.WOULD_CREATE)));
            } else {
                kv.add(client.async(() -> {
                    ProvisionResult.KvResult created = createKv(accountId, spec);
                    if (created.action() == ProvisionResult.Action.CREATED) {
                        listener.kvCreated(created);
                    }
                    return created;
                }));
            }
        }
        List<CompletableFuture<ProvisionResult.R2Result>> r2 = new ArrayList<>();
        for (int i = 0; i < manifest.r2().size(); i++) {
            ResourceManifest.R2 spec = manifest.r2().get(i);
            if (bucketsExist.get(i)) {
                r2.add(CompletableFuture.completedFuture(
                        new ProvisionResult.R2Result(spec.binding(), spec.name(), ProvisionResult.Action.EXISTS)));
            } else if (dryRun) {
                r2.add(CompletableFuture.completedFuture(new ProvisionResult.R2Result(spec.binding(), spec.name(),
                        ProvisionResult.Action.WOULD_CREATE)));
            } else {
                r2.add(client.async(() -> {
                    boolean created = client.createR2Bucket(accountId, spec.name());
                    var result = new ProvisionResult.R2Result(spec.binding(), spec.name(),
                            created ? ProvisionResult.Action.CREATED : ProvisionResult.Action.EXISTS);
                    if (created) {
                        listener.r2Created(result);
                    }
                    return result;
                }));
            }
        }
        return new ProvisionResult(accountId, CloudflareClient.join(kv), CloudflareClient.join(r2),
                CloudflareClient.join(List.of(subdomain)).getFirst());
    }

    private ProvisionResult.KvResult createKv(String accountId, ResourceManifest.Kv spec) {
        try {
            KvNamespace ns = client.createKvNamespace(accountId, spec.title());
            return new ProvisionResult.KvResult(spec.binding(), spec.title(), Optional.of(ns.id()),
                    ProvisionResult.Action.CREATED);
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (!e.hasCode(CloudflareClient.KV_TITLE_EXISTS)) {
                throw e;
            }
            // Someone created this title between our list and our create: use theirs.
            return client.listKvNamespaces(accountId).stream()
                    .filter(n -> n.title().equals(spec.title())).findFirst()
                    .map(n -> new ProvisionResult.KvResult(spec.binding(), spec.title(), Optional.of(n.id()),
                            ProvisionResult.Action.EXISTS))
                    .orElseThrow(() -> new UserFacingException(
                            Failure.of(Failure.Code.KV_NAMESPACE_NOT_LISTED, spec.title()),
                            Advice.of(Advice.Code.RUN_AGAIN), e));
        }
    }
}
