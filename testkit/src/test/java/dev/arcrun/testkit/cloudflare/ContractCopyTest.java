package dev.arcrun.testkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The vendored contract may never drift from the shared one it copies. */
class ContractCopyTest {
    @Test
    void vendoredCopyEqualsTheSharedContractWhenThatIsPresent() throws Exception {
        Path vendored = ContractValidator.findAbove(ContractValidator.VENDORED).orElseThrow();
        var shared = ContractValidator.findAbove(ContractValidator.RELATIVE);
        assertThat(Files.size(vendored)).isPositive();
        if (shared.isPresent()) {
            assertThat(Files.readAllBytes(vendored)).isEqualTo(Files.readAllBytes(shared.get()));
        }
    }
}
