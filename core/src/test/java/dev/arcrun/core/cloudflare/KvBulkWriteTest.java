package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KvBulkWriteTest extends StandInFixture {

    @Test
    void moreThanTenThousandPairsGoInSeveralRequestsAndAllArrive() {
        String ns = cf.state().createNamespace(cf.accountId(), "arcrun-workflows").orElseThrow().id();
        List<KvPair> pairs = IntStream.range(0, 10_001).mapToObj(i -> KvPair.text("k" + i, "v" + i)).toList();

        int requests = client().kvBulkWrite(cf.accountId(), ns, pairs);

        assertThat(requests).isEqualTo(2);
        assertThat(cf.count("PUT", ".*/bulk")).isEqualTo(2);
        var entries = cf.state().namespace(cf.accountId(), ns).orElseThrow().entries();
        assertThat(entries).hasSize(10_001);
        assertThat(new String(entries.get("k10000").value(), StandardCharsets.UTF_8)).isEqualTo("v10000");
    }

    @Test
    void batchesRespectThePairLimit() {
        List<KvPair> pairs = IntStream.range(0, 25_000).mapToObj(i -> KvPair.text("k" + i, "v")).toList();

        List<List<KvPair>> batches = KvBatches.split(pairs);

        assertThat(batches).extracting(List::size).containsExactly(10_000, 10_000, 5_000);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(pairs);
    }

    @Test
    void batchesRespectTheByteLimit() {
        // Each encoded pair {"key":"kN","value":"xxxx…"} is ~120 bytes; a 1,000-byte limit fits 8 per batch.
        List<KvPair> pairs = IntStream.range(0, 20).mapToObj(i -> KvPair.text("k" + i, "x".repeat(100))).toList();

        List<List<KvPair>> batches = KvBatches.split(pairs, 10_000, 1_000);

        assertThat(batches).hasSizeGreaterThan(1);
        for (List<KvPair> batch : batches) {
            assertThat(CloudflareHttp.JSON.valueToTree(batch.stream().map(KvBatches::body).toList()).toString()
                    .getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000);
        }
        assertThatThrownBy(() -> KvBatches.split(List.of(KvPair.text("big", "x".repeat(2_000))), 10, 1_000))
                .hasMessageContaining("'big'").hasMessageContaining("too large");
    }

    @Test
    void valuesNeverShowInToString() {
        assertThat(KvPair.text("api-key", "s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
    }
}
