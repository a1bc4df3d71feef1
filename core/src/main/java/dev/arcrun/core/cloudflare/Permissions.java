package dev.arcrun.core.cloudflare;

import dev.arcrun.core.install.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Proves each permission group with one harmless read, concurrently. Account Settings can only be proven by
 * listing accounts, which account-owned tokens cannot do; for those it is reported as not checked.
 */
final class Permissions {
    private final CloudflareHttp http;
    private final Parallel parallel;

    Permissions(CloudflareHttp http, Parallel parallel) {
        this.http = http;
        this.parallel = parallel;
    }

    PermissionReport probe(String accountId, TokenCheck.Kind kind) {
        List<CompletableFuture<PermissionReport.Check>> probes = new ArrayList<>();
        for (PermissionGroup group : PermissionGroup.REQUIRED) {
            probes.add(parallel.async(() -> probe(group, accountId, kind)));
        }
        return new PermissionReport(Parallel.join(probes));
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
                    Optional.of(Note.of(Note.Code.PERMISSION_NOT_CHECKABLE)));
        }
        try {
            http.send(call);
            return new PermissionReport.Check(group, PermissionReport.Outcome.GRANTED, Optional.empty());
        } catch (PermissionDeniedException e) {
            return new PermissionReport.Check(group, PermissionReport.Outcome.MISSING, Optional.of(Note.of(
                    Note.Code.CLOUDFLARE_SAYS, e.errors().stream().map(CloudflareError::toString)
                            .collect(Collectors.joining("; ")))));
        }
    }
}
