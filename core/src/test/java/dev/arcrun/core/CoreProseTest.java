package dev.arcrun.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.testkit.prose.ProseScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Core emits facts; sentences live in its catalog. This scans core's main code for string literals that read like
 * prose (three or more words) and fails on any, in every file (see {@link ProseScanner} for what it skips).
 */
class CoreProseTest {
    private static final Path MAIN = Path.of("src/main/java/dev/arcrun/core");

    /** Literals that look like prose but are not ours to show: text we match in a tool's output. */
    private static final ProseScanner SCANNER = ProseScanner.skipping(
            Set.of("Logs were written", "Address already in use", "Current Version ID:"));

    @Test
    void coreMainCodeHasNoProseOutsideTheCatalog() throws IOException {
        assertThat(SCANNER.proseUnder(MAIN))
                .as("user-facing text belongs in core's catalog (messages.properties) as a fact's sentence").isEmpty();
    }

    @Test
    void theHeuristicFindsASentenceAndSkipsCodeAndComments() {
        assertThat(SCANNER.proseIn("throw new UserFacingException(\"The token has expired.\", \"Create a new one.\");"))
                .containsExactly("The token has expired.", "Create a new one.");
        assertThat(SCANNER.proseIn("// a comment \"with three words\"\nString k = \"advice.resume\";\n"
                + "throw new IllegalArgumentException(\"cap must be positive\");\n"
                + "if (line.contains(\"Address already in use\")) {}")).isEmpty();
    }
}
