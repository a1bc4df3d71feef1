package dev.arcrun.testkit.prose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds string literals in Java source that read like prose (three or more words), for the tests that keep
 * user-facing sentences in the message catalogs. A heuristic: comments, exception messages for programmers
 * (IllegalArgumentException and friends), annotation arguments when asked (picocli's --help text), lines carrying
 * a marker, and the given literals that are not ours to word (text matched in a tool's output) are skipped.
 */
public final class ProseScanner {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PROSE = Pattern.compile("[A-Za-z][a-z']+(?: [A-Za-z][a-z'’]*){2,}");
    private static final Pattern FOR_PROGRAMMERS = Pattern.compile(
            "(IllegalArgument|IllegalState|UncheckedIO|IO|Assertion|UnsupportedOperation|NullPointer)(Exception|Error)\\(");
    /** An annotation with arguments: {@code @Command(}, {@code @picocli.CommandLine.Option(}. */
    private static final Pattern ANNOTATION = Pattern.compile("@[A-Za-z_][\\w.]*\\s*\\(");

    private final Set<String> notProse;
    private final boolean skipAnnotations;
    private final String skipMarker;

    private ProseScanner(Set<String> notProse, boolean skipAnnotations, String skipMarker) {
        this.notProse = Set.copyOf(notProse);
        this.skipAnnotations = skipAnnotations;
        this.skipMarker = skipMarker;
    }

    /** @param notProse literals that look like prose but are not ours to word */
    public static ProseScanner skipping(Set<String> notProse) {
        return new ProseScanner(notProse, false, null);
    }

    /** Also skips every annotation's arguments (their text is shown by a library, e.g. picocli's --help). */
    public ProseScanner andAnnotations() {
        return new ProseScanner(notProse, true, skipMarker);
    }

    /** Also skips each line that contains {@code marker} (e.g. a comment saying the English is fixed on purpose). */
    public ProseScanner andLinesMarked(String marker) {
        return new ProseScanner(notProse, skipAnnotations, marker);
    }

    public List<String> proseIn(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "");
        if (skipAnnotations) {
            code = withoutAnnotations(code);
        }
        List<String> found = new ArrayList<>();
        for (String line : code.split("\n")) {
            boolean skipped = line.strip().startsWith("//") || (skipMarker != null && line.contains(skipMarker))
                    || FOR_PROGRAMMERS.matcher(line).find();
            if (skipped) {
                continue;
            }
            Matcher m = LITERAL.matcher(line);
            while (m.find()) {
                String text = m.group(1);
                if (PROSE.matcher(text).find() && !notProse.contains(text)) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    /** Every prose literal in the {@code .java} files under {@code root}, as {@code path: "text"}. */
    public List<String> proseUnder(Path root) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                proseIn(Files.readString(f)).forEach(t -> offenders.add(rel + ": \"" + t + "\""));
            }
        }
        return offenders;
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
}
