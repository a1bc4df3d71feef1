package dev.arcrun.core.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.testkit.cloudflare.ContractValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's idea of each operation agrees with Cloudflare's schema, and every permission key has a group. */
class OperationContractTest {

    private final JsonNode contract = read();

    @Test
    void operationsMatchTheContract() {
        for (Operation op : Operation.values()) {
            if (op.operationId().isEmpty()) {
                assertThat(contract.path("paths").has(op.pathTemplate())).as(op + " is outside the slice").isFalse();
                continue;
            }
            JsonNode spec = contract.path("paths").path(op.pathTemplate()).path(op.method().toLowerCase());
            assertThat(spec.path("operationId").asText()).as(op.toString()).isEqualTo(op.operationId().get());
            List<String> required = new ArrayList<>();
            spec.path("x-cfPermissionsRequired").path("enum").forEach(n -> required.add(n.asText()));
            if (op.permissionKey().isPresent()) {
                assertThat(required).as(op.toString()).containsExactly(op.permissionKey().get());
            } else {
                assertThat(required).as(op.toString()).isEmpty();
            }
        }
    }

    @Test
    void everyPermissionKeyInTheContractMapsToAGroup() {
        List<String> keys = new ArrayList<>();
        contract.path("paths").forEach(path -> path.forEach(op ->
                op.path("x-cfPermissionsRequired").path("enum").forEach(k -> keys.add(k.asText()))));

        assertThat(keys).isNotEmpty().allSatisfy(k ->
                assertThat(PermissionGroup.forPermissionKey(k)).as(k).isPresent());
        assertThat(PermissionGroup.forPermissionKey("com.cloudflare.edge.r2.bucket.list"))
                .hasValue(PermissionGroup.WORKERS_R2_STORAGE_EDIT);
        assertThat(PermissionGroup.forPermissionKey("com.cloudflare.edge.worker.cron.subdomain.read"))
                .hasValue(PermissionGroup.WORKERS_SCRIPTS_EDIT);
    }

    private static JsonNode read() {
        try {
            return CloudflareHttp.JSON.readTree(ContractValidator.locateContract().toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
