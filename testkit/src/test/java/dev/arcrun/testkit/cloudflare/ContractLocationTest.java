package dev.arcrun.testkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLocationTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ContractValidator.PROPERTY);
    }

    @Test
    void foundBesideTheRepositoryByWalkingUpElseTheVendoredCopy() {
        boolean sharedBeside = ContractValidator.findAbove(ContractValidator.RELATIVE).isPresent();
        assertThat(ContractValidator.locateContract()).endsWith(sharedBeside
                ? Path.of("shared", "contracts", "cloudflare-openapi.json")
                : Path.of("testkit", "contracts", "cloudflare-openapi.json"));
    }

    @Test
    void systemPropertyOverridesAndABadPathSaysWhichSettingPointedThere() throws Exception {
        Path copy = Files.copy(ContractValidator.locateContract(), dir.resolve("copy.json"));
        System.setProperty(ContractValidator.PROPERTY, copy.toString());
        assertThat(ContractValidator.locateContract()).isEqualTo(copy.toAbsolutePath());

        System.setProperty(ContractValidator.PROPERTY, dir.resolve("absent.json").toString());
        assertThatThrownBy(ContractValidator::locateContract).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.json").hasMessageContaining(ContractValidator.PROPERTY);
    }
}
