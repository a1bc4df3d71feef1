package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** R2 buckets: list, create, get, delete. */
final class R2Endpoints implements EndpointGroup {

    private static final String BUCKETS = "/accounts/{account_id}/r2/buckets";
    private static final String KEY = "com.cloudflare.edge.r2.bucket.";
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
        return state.deleteBucket(req.pathParam("account_id"), req.pathParam("bucket_name"))
                ? ApiResponse.success(ApiResponse.JSON.createObjectNode()) : noSuchBucket();
    }

    private static ApiResponse noSuchBucket() {
        return ApiResponse.failure(404, 10006, "The specified bucket does not exist.");
    }

    private static ObjectNode render(StandInState.Bucket b, ObjectNode o) {
        o.put("name", b.name());
        o.put("creation_date", b.creationDate());
        o.put("location", b.location());
        o.put("storage_class", b.storageClass());
        return o;
    }
}
