package dev.arcrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's command table lists exactly the commands the CLI has: every row's {@code `arcrun …`} spans name
 * commands (and their subcommands, as {@code a\|b\|c}), and every visible picocli command appears in some row.
 */
class ReadmeCommandTableTest {
    private static final Pattern SPAN = Pattern.compile("`arcrun ([^`]+)`");

    @Test
    void theReadmeTableMatchesTheCommandTree() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        Set<String> documented = new TreeSet<>();
        for (String row : Files.readAllLines(readme)) {
            if (!row.startsWith("| `arcrun ")) {
                continue;
            }
            String firstCell = row.substring(1, row.indexOf(" | "));
            Matcher m = SPAN.matcher(firstCell);
            while (m.find()) {
                documented.addAll(paths(m.group(1)));
            }
        }

        Set<String> actual = new TreeSet<>();
        CommandLine root = ArcrunCli.newCommandLine();
        root.getSubcommands().forEach((name, cl) -> {
            if (cl.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            if (cl.getSubcommands().isEmpty()) {
                actual.add(name);
            } else {
                cl.getSubcommands().forEach((sub, scl) -> {
                    if (!scl.getCommandSpec().usageMessage().hidden()) {
                        actual.add(name + " " + sub);
                    }
                });
            }
        });
        assertThat(documented).as("README command table vs `arcrun` command tree").isEqualTo(actual);
    }

    /** {@code creds list\|push NAME} → creds list, creds push; {@code install --target …} → install; flags skipped. */
    static Set<String> paths(String span) {
        Set<String> out = new TreeSet<>();
        String s = span.replace("\\|", "|").trim();
        if (s.startsWith("-")) {
            return out; // `arcrun --version`: an option of the root, not a command
        }
        String[] words = s.split(" ", 2);
        String top = words[0];
        String rest = words.length > 1 ? words[1] : "";
        boolean hasSubs = !rest.isEmpty() && rest.charAt(0) >= 'a' && rest.charAt(0) <= 'z';
        if (!hasSubs) {
            out.add(top);
            return out;
        }
        for (String alt : rest.split("\\|")) {
            String sub = alt.trim().split(" ")[0];
            if (!sub.isEmpty() && sub.charAt(0) >= 'a' && sub.charAt(0) <= 'z') {
                out.add(top + " " + sub);
            }
        }
        return out;
    }
}
