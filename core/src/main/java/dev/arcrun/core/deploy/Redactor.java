package dev.arcrun.core.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces secret values (the Cloudflare token, the engine's keys, credential values) by {@code ***} wherever they
 * appear in a line. Redaction is by value, not by pattern, so it also catches a server echoing the token back in an
 * error. The JSON-escaped and URL-encoded spellings of each value are covered too, since that is how an echo arrives.
 * Lines must be ANSI-stripped first: a colour code inside a value would otherwise hide it.
 */
public final class Redactor {

    public static final String MASK = "***";
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> needles; // longest first, so a value containing another is masked whole

    private Redactor(List<String> needles) {
        this.needles = needles;
    }

    /** A redactor for these values; blank ones are ignored (masking "" or " " would mangle every line). */
    public static Redactor of(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.isBlank()) continue;
            all.add(s);
            all.add(jsonEscaped(s));
            all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        return new Redactor(all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public static Redactor of(String... secrets) {
        return of(List.of(secrets));
    }

    /** This redactor plus more values. */
    public Redactor and(Collection<String> more) {
        return of(Stream.concat(needles.stream(), more.stream()).toList());
    }

    public String redact(String text) {
        String out = text;
        for (String needle : needles) {
            if (out.contains(needle)) {
                out = out.replace(needle, MASK);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return needles.isEmpty();
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '/' -> b.append("/");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
