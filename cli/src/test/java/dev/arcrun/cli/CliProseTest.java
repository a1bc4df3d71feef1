package dev.arcrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.testkit.prose.ProseScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the CLI prints for people follows the locale, so its sentences live in its catalog
 * ({@code dev/arcrun/cli/i18n/messages*.properties}) or core's. This scans the CLI's main code for string literals
 * that read like prose (three or more words) and fails on any. Skipped, as
 * core's prose test skips them: comments and exception messages for programmers; and here also picocli's annotation
 * text ({@code --help}, which picocli shows in English) and lines marked {@value #FIXED_FOR_JSON} (a {@code --json}
 * field whose English never changes with the locale).
 */
class CliProseTest {
    private static final Path MAIN = Path.of("src/main/java/dev/arcrun/cli");
    static final String FIXED_FOR_JSON = "// --json: fixed English";

    /** Literals that look like prose but are no message: a comment line inside a generated completion script. */
    private static final ProseScanner SCANNER = ProseScanner
            .skipping(Set.of("# arcrun completion for fish: arcrun completion fish | source\\n"))
            .andAnnotations().andLinesMarked(FIXED_FOR_JSON);

    static List<String> proseIn(String source) {
        return SCANNER.proseIn(source);
    }

    @Test
    void cliMainCodeHasNoProseOutsideTheCatalog() throws IOException {
        assertThat(SCANNER.proseUnder(MAIN)).as("text the CLI prints belongs in its catalog "
                + "(dev/arcrun/cli/i18n/messages.properties), worded through Words").isEmpty();
    }

    @Test
    void theHeuristicFindsASentenceAndSkipsHelpTextCodeAndComments() {
        assertThat(proseIn("out.println(\"Stored the workflow \" + name + \". Run it with: arcrun workflows run\");"))
                .containsExactly("Stored the workflow ", ". Run it with: arcrun workflows run");
        assertThat(proseIn("@Option(names = \"--json\", description = {\"Print the result as JSON.\",\n"
                + "        \"Exits 1 when (a step) failed.\"})\nboolean json;\n"
                + "// a comment \"with three words\"\nString k = words.get(\"workflows.none\");\n"
                + "n.put(\"next\", \"Start it with the engine.\"); " + FIXED_FOR_JSON + "\n"
                + "throw new IllegalStateException(\"cap must be positive\");")).isEmpty();
        assertThat(proseIn("@Command(name = \"x\")\nclass X { String s = \"this is prose\"; }")).containsExactly("this is prose");
    }
}
