package dev.arcrun.core.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a TOML parser to edit a wrangler.toml in place: it records where every table, key and value sits
 * in the text, so an edit changes those characters and leaves comments, order and layout alone. Reading values is
 * left to Jackson; this only has to find spans in files Jackson already accepted.
 */
final class TomlDocument {

    sealed interface Value permits Str, Arr, Inline, Other {
        int start();

        int end();
    }

    record Str(int start, int end, String value) implements Value {}

    record Arr(int start, int end, List<Value> items) implements Value {}

    /** An inline table; {@code close} is the offset of its closing brace. */
    record Inline(int start, int end, List<KeyVal> entries, int close) implements Value {}

    record Other(int start, int end) implements Value {}

    /** {@code key = value}; {@code lineEnd} is just past the line's newline (or the text's end). */
    record KeyVal(List<String> key, int keyStart, Value value, int lineEnd) {}

    /** A table: the root (empty path, no header) or a {@code [header]} / {@code [[header]]} and its key/values. */
    record Table(List<String> path, boolean arrayTable, int headerStart, int headerLineEnd, List<KeyVal> entries) {}

    final String text;
    final List<Table> tables = new ArrayList<>();
    private int pos;

    private TomlDocument(String text) {
        this.text = text;
    }

    static TomlDocument parse(String text) {
        TomlDocument d = new TomlDocument(text);
        d.document();
        return d;
    }

    static KeyVal entry(List<KeyVal> entries, String... key) {
        for (KeyVal kv : entries) {
            if (kv.key().equals(List.of(key))) {
                return kv;
            }
        }
        return null;
    }

    private void document() {
        Table current = new Table(List.of(), false, 0, 0, new ArrayList<>());
        tables.add(current);
        while (pos < text.length()) {
            skipBlank();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '#') {
                skipComment();
            } else if (c == '\n' || c == '\r') {
                pos++;
            } else if (c == '[') {
                int start = pos;
                boolean array = text.startsWith("[[", pos);
                pos += array ? 2 : 1;
                skipBlank();
                List<String> path = key();
                skipBlank();
                pos += array ? 2 : 1;
                current = new Table(path, array, start, restOfLine(), new ArrayList<>());
                tables.add(current);
            } else {
                current.entries().add(keyVal(true));
            }
        }
    }

    private KeyVal keyVal(boolean lineLevel) {
        int keyStart = pos;
        List<String> key = key();
        skipBlank();
        expect('=');
        skipBlank();
        Value v = value();
        return new KeyVal(key, keyStart, v, lineLevel ? restOfLine() : pos);
    }

    private List<String> key() {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipBlank();
            char c = text.charAt(pos);
            if (c == '"' || c == '\'') {
                parts.add(((Str) value()).value());
            } else {
                int s = pos;
                while (pos < text.length() && isBare(text.charAt(pos))) {
                    pos++;
                }
                if (s == pos) {
                    throw new IllegalStateException("TOML key expected at offset " + pos);
                }
                parts.add(text.substring(s, pos));
            }
            skipBlank();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
            } else {
                return parts;
            }
        }
    }

    private static boolean isBare(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private Value value() {
        int start = pos;
        if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
            String delim = text.substring(pos, pos + 3);
            pos += 3;
            while (!text.startsWith(delim, pos)) {
                if (delim.charAt(0) == '"' && text.charAt(pos) == '\\') {
                    pos++;
                }
                pos++;
            }
            pos += 3;
            while (pos < text.length() && text.charAt(pos) == delim.charAt(0)) {
                pos++; // up to two quotes may end the content
            }
            return new Other(start, pos);
        }
        char c = text.charAt(pos);
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (text.charAt(pos) != '"') {
                char ch = text.charAt(pos++);
                if (ch == '\\') {
                    char esc = text.charAt(pos++);
                    switch (esc) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> { sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; }
                        case 'U' -> { sb.appendCodePoint(Integer.parseInt(text.substring(pos, pos + 8), 16)); pos += 8; }
                        default -> sb.append(esc);
                    }
                } else {
                    sb.append(ch);
                }
            }
            pos++;
            return new Str(start, pos, sb.toString());
        }
        if (c == '\'') {
            int end = text.indexOf('\'', pos + 1);
            pos = end + 1;
            return new Str(start, pos, text.substring(start + 1, end));
        }
        if (c == '[') {
            pos++;
            List<Value> items = new ArrayList<>();
            while (true) {
                skipSpaceAndComments();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return new Arr(start, pos, items);
                }
                items.add(value());
                skipSpaceAndComments();
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        }
        if (c == '{') {
            pos++;
            List<KeyVal> entries = new ArrayList<>();
            while (true) {
                skipSpaceAndComments();
                if (text.charAt(pos) == '}') {
                    int close = pos++;
                    return new Inline(start, pos, entries, close);
                }
                entries.add(keyVal(false));
                skipSpaceAndComments();
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        }
        while (pos < text.length() && ",]}#\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        int end = pos;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Other(start, end);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalStateException("TOML '" + c + "' expected at offset " + pos);
        }
        pos++;
    }

    private void skipBlank() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                skipComment();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Skips the rest of a line (blanks, a comment, the newline) and returns the offset after it. */
    private int restOfLine() {
        skipBlank();
        if (pos < text.length() && text.charAt(pos) == '#') {
            skipComment();
        }
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        return pos;
    }
}
