package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.StandInState;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing and deleting a bucket's objects, and emptying a bucket so Cloudflare lets it be deleted. */
class R2ObjectsTest extends StandInFixture {

    private static final String BUCKET = "arcrun-components";

    @BeforeEach
    void bucket() {
        cf.state().createBucket(cf.accountId(), BUCKET, "enam", "Standard");
    }

    private List<String> putObjects(int count) {
        List<String> keys = IntStream.range(0, count)
                .mapToObj(i -> String.format("components/c%04d/component.wasm", i)).toList();
        keys.forEach(k -> cf.state().putObject(cf.accountId(), BUCKET, k,
                "wasm".getBytes(StandardCharsets.UTF_8), "application/wasm"));
        return keys;
    }

    @Test
    void listingFollowsTheCursorOverSeveralPages() {
        List<String> keys = putObjects(2_345);

        List<String> listed = client().listR2ObjectKeys(cf.accountId(), BUCKET);

        assertThat(listed).containsExactlyElementsOf(keys);
        assertThat(cf.count("GET", ".*/r2/buckets/arcrun-components/objects")).isEqualTo(3);
        assertThat(cf.exchanges()).filteredOn(x -> x.uri().contains("/objects")).last()
                .satisfies(x -> assertThat(x.uri()).contains("cursor="));
    }

    @Test
    void aMissingBucketHasNoObjects() {
        assertThat(client().listR2ObjectKeys(cf.accountId(), "not-there")).isEmpty();
    }

    @Test
    void aBucketWithObjectsCannotBeDeletedUntilItIsEmptied() {
        putObjects(3);
        CloudflareClient client = client();

        assertThatThrownBy(() -> client.deleteR2Bucket(cf.accountId(), BUCKET))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.hasCode(CloudflareClient.R2_BUCKET_NOT_EMPTY)).isTrue();
                });
        assertThat(cf.state().bucket(cf.accountId(), BUCKET)).isPresent();

        assertThat(client.emptyR2Bucket(cf.accountId(), BUCKET)).isEqualTo(3);
        assertThat(client.deleteR2Bucket(cf.accountId(), BUCKET)).isTrue();
        assertThat(cf.state().bucket(cf.accountId(), BUCKET)).isEmpty();
    }

    @Test
    void deletesSurviveRateLimitsAndServerErrors() {
        putObjects(40);
        cf.faults().rateLimit(RequestMatcher.of("DELETE", ".*/objects/.*"), 10, 2);
        cf.faults().serverError(RequestMatcher.of("DELETE", ".*/objects/.*"), 5, 503);
        cf.faults().serverError(RequestMatcher.of("GET", ".*/objects"), 2, 500);

        int deleted = client().emptyR2Bucket(cf.accountId(), BUCKET);

        assertThat(deleted).isEqualTo(40);
        assertThat(cf.state().objects(cf.accountId(), BUCKET)).isEmpty();
        assertThat(sleeper.waits).hasSizeGreaterThanOrEqualTo(10 + 5 + 2);
    }

    @Test
    void anObjectAlreadyGoneIsNotCounted() {
        List<String> keys = putObjects(2);
        cf.state().deleteObject(cf.accountId(), BUCKET, keys.getFirst());

        assertThat(client().deleteR2Objects(cf.accountId(), BUCKET, keys)).isEqualTo(1);
    }

    @Test
    void keysWithSpacesAndSlashesReachTheRightObject() {
        cf.state().putObject(cf.accountId(), BUCKET, "a dir/b+c/ü.wasm", new byte[] {1}, "application/wasm");
        cf.state().putObject(cf.accountId(), BUCKET, "a dir/other", new byte[] {1}, "application/wasm");

        assertThat(client().deleteR2Objects(cf.accountId(), BUCKET, List.of("a dir/b+c/ü.wasm"))).isEqualTo(1);

        assertThat(cf.state().objects(cf.accountId(), BUCKET)).extracting(StandInState.R2Object::key)
                .containsExactly("a dir/other");
    }

    @Test
    void aTokenWithoutR2IsToldWhichPermissionToAdd() {
        putObjects(1);
        String noR2 = cf.addToken(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        assertThatThrownBy(() -> client(noR2, FAST).listR2ObjectKeys(cf.accountId(), BUCKET))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e ->
                        assertThat(e.missing()).isEqualTo(PermissionGroup.WORKERS_R2_STORAGE_EDIT));
    }
}
