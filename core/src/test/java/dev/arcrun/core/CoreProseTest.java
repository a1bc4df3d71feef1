package dev.arcrun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core emits facts; sentences live in its catalog. This scans core's main code for string literals that read like
 * prose (three or more words) and fails on any, in every file. A heuristic: exception messages for programmers
 * (IllegalArgumentException and friends) and comments are not user-facing and are skipped.
 */
class CoreProseTest {
    private static final Path MAIN = Path.of("src/main/java/dev/arcrun/core");

    /** Literals that look like prose but are not ours to show: text we match in a tool's output. */
    private static final Set<String> NOT_PROSE = Set.of("Logs were written", "Address already in use", "Current Version ID:");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PROSE = Pattern.compile("[A-Za-z][a-z']+(?: [A-Za-z][a-z'’]*){2,}");
    private static final Pattern FOR_PROGRAMMERS = Pattern.compile(
            "(IllegalArgument|IllegalState|UncheckedIO|IO|Assertion|UnsupportedOperation|NullPointer)(Exception|Error)\\(");

    static List<String> proseIn(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> found = new ArrayList<>();
        for (String line : code.split("\n")) {
            String l = line.strip().startsWith("//") ? "" : line;
            if (FOR_PROGRAMMERS.matcher(l).find()) {
                continue;
            }
            Matcher m = LITERAL.matcher(l);
            while (m.find()) {
                String text = m.group(1);
                if (PROSE.matcher(text).find() && !NOT_PROSE.contains(text)) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    @Test
    void coreMainCodeHasNoProseOutsideTheCatalog() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                proseIn(Files.readString(f)).forEach(t -> offenders.add(rel + ": \"" + t + "\""));
            }
        }
        assertThat(offenders).as("user-facing text belongs in core's catalog (messages.properties) as a fact's sentence")
                .isEmpty();
    }

    @Test
    void theHeuristicFindsASentenceAndSkipsCodeAndComments() {
        assertThat(proseIn("throw new UserFacingException(\"The token has expired.\", \"Create a new one.\");"))
                .containsExactly("The token has expired.", "Create a new one.");
        assertThat(proseIn("// a comment \"with three words\"\nString k = \"advice.resume\";\n"
                + "throw new IllegalArgumentException(\"cap must be positive\");")).isEmpty();
    }
}
