package dev.arcrun.core.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** R2: buckets and their objects (listed by cursor, deleted concurrently). */
final class R2Api {
    static final int BUCKET_EXISTS_YOURS = 10004;
    static final int NO_SUCH_BUCKET = 10006;
    /** Largest page of R2's object list. */
    static final int OBJECTS_PAGE_SIZE = 1000;

    private final CloudflareHttp http;
    private final Parallel parallel;

    R2Api(CloudflareHttp http, Parallel parallel) {
        this.http = http;
        this.parallel = parallel;
    }

    boolean exists(String accountId, String name) {
        return Absent.unlessAbsent(http, CloudflareHttp.Call.of(Operation.GET_R2_BUCKET, accountId, name),
                NO_SUCH_BUCKET).isPresent();
    }

    boolean create(String accountId, String name) {
        try {
            http.send(CloudflareHttp.Call.of(Operation.CREATE_R2_BUCKET, accountId).body(Map.of("name", name)));
            return true;
        } catch (PermissionDeniedException e) {
            throw e;
        } catch (CloudflareApiException e) {
            if (e.hasCode(BUCKET_EXISTS_YOURS)) {
                return false;
            }
            throw e;
        }
    }

    List<String> listKeys(String accountId, String bucket) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        while (true) {
            CloudflareHttp.Call call = CloudflareHttp.Call.of(Operation.LIST_R2_OBJECTS, accountId, bucket)
                    .query("per_page", OBJECTS_PAGE_SIZE);
            if (cursor != null) {
                call = call.query("cursor", cursor);
            }
            Optional<CloudflareHttp.Reply> answer = Absent.unlessAbsent(http, call, NO_SUCH_BUCKET);
            if (answer.isEmpty()) {
                return keys;
            }
            CloudflareHttp.Reply reply = answer.get();
            reply.result().forEach(o -> keys.add(o.path("key").asText()));
            JsonNode info = reply.envelope().path("result_info");
            String next = info.path("cursor").asText("");
            if (!info.path("is_truncated").asBoolean(false) || next.isEmpty()) {
                return keys;
            }
            if (next.equals(cursor)) {
                throw new dev.arcrun.core.UserFacingException(
                        dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.CLOUDFLARE_CURSOR_REPEATED,
                                Operation.LIST_R2_OBJECTS),
                        dev.arcrun.core.Advice.of(dev.arcrun.core.Advice.Code.WAIT_AND_RETRY));
            }
            cursor = next;
        }
    }

    int deleteObjects(String accountId, String bucket, List<String> keys) {
        List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
        for (String key : keys) {
            deletes.add(parallel.async(() -> Absent.deleted(http,
                    CloudflareHttp.Call.of(Operation.DELETE_R2_OBJECT, accountId, bucket, key))));
        }
        return (int) Parallel.join(deletes).stream().filter(Boolean::booleanValue).count();
    }

    int empty(String accountId, String bucket) {
        int deleted = 0;
        for (int round = 0; round < 3; round++) {
            List<String> keys = listKeys(accountId, bucket);
            if (keys.isEmpty()) {
                break;
            }
            deleted += deleteObjects(accountId, bucket, keys);
        }
        return deleted;
    }

    boolean deleteBucket(String accountId, String name) {
        return Absent.deleted(http, CloudflareHttp.Call.of(Operation.DELETE_R2_BUCKET, accountId, name));
    }
}
