package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * R2 buckets (list, create, get, delete) and the objects in them (list, delete one).
 *
 * <p>The object endpoints are beyond the contract slice (Cloudflare's published schema of 2024-08-01 has no R2
 * object paths); they follow what Cloudflare documents and what wrangler's {@code r2 object delete} calls:
 * {@code GET …/r2/buckets/{bucket}/objects?per_page&cursor&prefix&start_after} answering the v4 envelope with an
 * array of objects and {@code result_info {cursor, is_truncated, per_page, delimited}}, and
 * {@code DELETE …/r2/buckets/{bucket}/objects/{key}}. A bucket that still holds objects cannot be deleted:
 * 409 with R2's code 10008 (BucketNotEmpty, from Cloudflare's R2 error-code table) and the S3 wording of it.
 */
final class R2Endpoints implements EndpointGroup {

    private static final String BUCKETS = "/accounts/{account_id}/r2/buckets";
    private static final String KEY = "com.cloudflare.edge.r2.bucket.";
    /** Cloudflare's R2 error codes (developers' R2 "Error codes" page). */
    static final int NO_SUCH_BUCKET = 10006;
    static final int NO_SUCH_KEY = 10007;
    static final int BUCKET_NOT_EMPTY = 10008;
    /** Default and largest page of the object list. */
    static final int OBJECTS_DEFAULT_PAGE = 20;
    static final int OBJECTS_MAX_PAGE = 1000;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");

    private final StandInState state;

    R2Endpoints(StandInState state) {
        this.state = state;
    }

    @Override
    public void register(Router r) {
        r.get(BUCKETS, Access.ACCOUNT, KEY + "list", this::list);
        r.post(BUCKETS, Access.ACCOUNT, KEY + "create", this::create);
        r.get(BUCKETS + "/{bucket_name}", Access.ACCOUNT, KEY + "read", this::get);
        r.delete(BUCKETS + "/{bucket_name}", Access.ACCOUNT, KEY + "delete", this::remove);
        // Outside the slice there is no published permission key for objects; the bucket keys stand in (all are
        // granted by "Workers R2 Storage").
        r.get(BUCKETS + "/{bucket_name}/objects", Access.ACCOUNT, KEY + "read", this::listObjects);
        r.delete(BUCKETS + "/{bucket_name}/objects/{object_key}", Access.ACCOUNT, KEY + "delete",
                this::deleteObject);
    }

    /** Real Cloudflare answers {@code {"result": {"buckets": […]}}} (what wrangler reads), cursor-paginated. */
    private ApiResponse list(ApiRequest req) {
        String contains = req.queryParam("name_contains").orElse("");
        String startAfter = req.queryParam("start_after").orElse("");
        int perPage = Math.min(1000, Math.max(1, req.intQueryParam("per_page", 20)));
        List<StandInState.Bucket> all = state.buckets(req.pathParam("account_id")).stream()
                .filter(b -> b.name().contains(contains) && b.name().compareTo(startAfter) > 0)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        ObjectNode result = ApiResponse.JSON.createObjectNode();
        ArrayNode buckets = result.putArray("buckets");
        all.stream().limit(perPage).forEach(b -> render(b, buckets.addObject()));
        ObjectNode info = ApiResponse.JSON.createObjectNode();
        info.put("per_page", perPage);
        if (all.size() > perPage) {
            info.put("cursor", all.get(perPage - 1).name());
        }
        return ApiResponse.json(200, ApiResponse.envelope(true, result, info));
    }

    private ApiResponse create(ApiRequest req) {
        JsonNode body;
        try {
            body = ApiResponse.JSON.readTree(req.body());
        } catch (IOException e) {
            throw new CloudflareStandIn.BadRequest(10040, "could not parse request body as JSON");
        }
        String name = body.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            return ApiResponse.failure(400, 10005, "The specified bucket name is not valid.");
        }
        String location = body.path("locationHint").asText("enam");
        String storageClass = body.path("storageClass").asText("Standard");
        return state.createBucket(req.pathParam("account_id"), name, location, storageClass)
                .map(b -> ApiResponse.success(render(b, ApiResponse.JSON.createObjectNode())))
                .orElseGet(() -> ApiResponse.failure(409, 10004,
                        "The bucket you tried to create already exists, and you own it."));
    }

    private ApiResponse get(ApiRequest req) {
        return state.bucket(req.pathParam("account_id"), req.pathParam("bucket_name"))
                .map(b -> ApiResponse.success(render(b, ApiResponse.JSON.createObjectNode())))
                .orElseGet(R2Endpoints::noSuchBucket);
    }

    private ApiResponse remove(ApiRequest req) {
        return switch (state.deleteBucket(req.pathParam("account_id"), req.pathParam("bucket_name"))) {
            case DELETED -> ApiResponse.success(ApiResponse.JSON.createObjectNode());
            case NO_SUCH_BUCKET -> noSuchBucket();
            case NOT_EMPTY -> ApiResponse.failure(409, BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty.");
        };
    }

    /**
     * One page of a bucket's objects in key order. The cursor is opaque to clients (here: the last key of the page,
     * base64url); {@code is_truncated} says whether another page follows.
     */
    private ApiResponse listObjects(ApiRequest req) {
        String account = req.pathParam("account_id");
        String bucket = req.pathParam("bucket_name");
        if (state.bucket(account, bucket).isEmpty()) {
            return noSuchBucket();
        }
        String prefix = req.queryParam("prefix").orElse("");
        String after = req.queryParam("cursor").map(R2Endpoints::decodeCursor)
                .orElse(req.queryParam("start_after").orElse(""));
        int perPage = Math.min(OBJECTS_MAX_PAGE, Math.max(1, req.intQueryParam("per_page", OBJECTS_DEFAULT_PAGE)));
        List<StandInState.R2Object> all = state.objects(account, bucket).stream()
                .filter(o -> o.key().startsWith(prefix) && o.key().compareTo(after) > 0).toList();
        List<StandInState.R2Object> page = all.subList(0, Math.min(perPage, all.size()));
        ArrayNode result = ApiResponse.JSON.createArrayNode();
        for (StandInState.R2Object o : page) {
            ObjectNode n = result.addObject();
            n.put("key", o.key());
            n.put("size", o.size());
            n.put("etag", o.etag());
            n.put("last_modified", o.lastModified());
            n.putObject("http_metadata").put("contentType", o.contentType());
            n.putObject("custom_metadata");
            n.put("storage_class", "Standard");
        }
        boolean truncated = all.size() > page.size();
        ObjectNode info = ApiResponse.JSON.createObjectNode();
        info.put("cursor", truncated ? encodeCursor(page.getLast().key()) : "");
        info.put("is_truncated", truncated);
        info.put("per_page", perPage);
        info.putArray("delimited");
        return ApiResponse.list(result, info);
    }

    private ApiResponse deleteObject(ApiRequest req) {
        String account = req.pathParam("account_id");
        String bucket = req.pathParam("bucket_name");
        if (state.bucket(account, bucket).isEmpty()) {
            return noSuchBucket();
        }
        return state.deleteObject(account, bucket, req.pathParam("object_key"))
                ? ApiResponse.success(ApiResponse.JSON.createObjectNode())
                : ApiResponse.failure(404, NO_SUCH_KEY, "The specified key does not exist.");
    }

    private static String encodeCursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CloudflareStandIn.BadRequest(10040, "The cursor is not valid.");
        }
    }

    private static ApiResponse noSuchBucket() {
        return ApiResponse.failure(404, NO_SUCH_BUCKET, "The specified bucket does not exist.");
    }

    private static ObjectNode render(StandInState.Bucket b, ObjectNode o) {
        o.put("name", b.name());
        o.put("creation_date", b.creationDate());
        o.put("location", b.location());
        o.put("storage_class", b.storageClass());
        return o;
    }
}
