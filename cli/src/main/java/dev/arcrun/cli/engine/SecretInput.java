package dev.arcrun.cli.engine;

import dev.arcrun.cli.i18n.CliProblem;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads secret values: prompted without echo when a person is at a terminal, otherwise from stdin (so scripts can
 * pipe them). Never from arguments.
 */
final class SecretInput {
    private static final int MAX_BYTES = 1 << 20;

    private SecretInput() {}

    /** The terminal, when stdin and stdout are one; null when input is piped. */
    static Console terminal() {
        Console c = System.console();
        return c != null && c.isTerminal() ? c : null;
    }

    /** One value: prompted, or all of stdin without its final line break. */
    static String one(String prompt) {
        Console c = terminal();
        String value = c != null ? prompt(c, prompt) : stripFinalNewline(readStdin());
        if (value.isEmpty()) {
            throw new CliProblem("secret.none", "secret.none.advice");
        }
        return value;
    }

    /** All of stdin as lines, for several values ({@code key=value} each). */
    static List<String> lines() {
        return readStdin().lines().filter(l -> !l.isBlank()).toList();
    }

    /** All of stdin as text (at most 1 MiB), e.g. a run's input with {@code --input -}. */
    static String all() {
        return readStdin();
    }

    static String prompt(Console c, String prompt) {
        char[] chars = c.readPassword("%s: ", prompt);
        return chars == null ? "" : new String(chars);
    }

    private static String readStdin() {
        try {
            InputStream in = System.in;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new CliProblem("secret.too_large", "secret.too_large.advice");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliProblem("secret.stdin_unreadable", null, String.valueOf(e.getMessage()));
        }
    }

    static String stripFinalNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
