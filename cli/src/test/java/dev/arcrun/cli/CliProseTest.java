package dev.arcrun.cli;

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
 * What the CLI prints for people follows the locale, so its sentences live in its catalog
 * ({@code dev/arcrun/cli/i18n/messages*.properties}) or core's. This scans the CLI's main code for string literals
 * that read like prose (three or more words) and fails on any outside the files still listed below. Skipped, as
 * core's prose test skips them: comments and exception messages for programmers; and here also picocli's annotation
 * text ({@code --help}, which picocli shows in English) and lines marked {@value #FIXED_FOR_JSON} (a {@code --json}
 * field whose English never changes with the locale).
 */
class CliProseTest {
    private static final Path MAIN = Path.of("src/main/java/dev/arcrun/cli");
    static final String FIXED_FOR_JSON = "// --json: fixed English";

    /** Literals that look like prose but are no message: a comment line inside a generated completion script. */
    private static final Set<String> NOT_PROSE = Set.of("# arcrun completion for fish: arcrun completion fish | source\\n");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PROSE = Pattern.compile("[A-Za-z][a-z']+(?: [A-Za-z][a-z'’]*){2,}");
    private static final Pattern FOR_PROGRAMMERS = Pattern.compile(
            "(IllegalArgument|IllegalState|UncheckedIO|IO|Assertion|UnsupportedOperation|NullPointer)(Exception|Error)\\(");
    /** An annotation with arguments: {@code @Command(}, {@code @picocli.CommandLine.Option(}. */
    private static final Pattern ANNOTATION = Pattern.compile("@[A-Za-z_][\\w.]*\\s*\\(");

    static List<String> proseIn(String source) {
        String code = withoutAnnotations(source.replaceAll("(?s)/\\*.*?\\*/", ""));
        List<String> found = new ArrayList<>();
        for (String line : code.split("\n")) {
            String l = line.strip().startsWith("//") || line.contains(FIXED_FOR_JSON) ? "" : line;
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

    /** The source with each annotation's arguments cut out (their parentheses matched, string literals respected). */
    static String withoutAnnotations(String source) {
        StringBuilder out = new StringBuilder();
        Matcher m = ANNOTATION.matcher(source);
        int at = 0;
        while (m.find(at)) {
            out.append(source, at, m.start());
            int depth = 1;
            int i = m.end();
            boolean inString = false;
            for (; i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '\n') {
                    out.append('\n'); // keep the line count, for a reader of the failure
                }
            }
            at = i;
        }
        return out.append(source.substring(at)).toString();
    }

    @Test
    void cliMainCodeHasNoProseOutsideTheCatalog() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                proseIn(Files.readString(f)).forEach(t -> offenders.add(rel + ": \"" + t + "\""));
            }
        }
        assertThat(offenders).as("text the CLI prints belongs in its catalog (dev/arcrun/cli/i18n/messages.properties), "
                + "worded through Words").isEmpty();
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
