package dev.arcrun.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a JSONC parser to edit a wrangler.json(c) in place: where every object member and value sits, so
 * an edit keeps comments, trailing commas, order and layout. Files reach it only after Jackson accepted them.
 */
final class JsoncDocument {

    sealed interface Node permits Obj, Arr, Scalar {
        int start();

        int end();
    }

    /** {@code end} is just past the value; {@code commaEnd} just past a comma that follows it, or -1. */
    record Member(String key, int keyStart, Node value, int commaEnd) {}

    record Obj(int start, int end, List<Member> members, int close) implements Node {
        Member member(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    record Arr(int start, int end, List<Node> items) implements Node {}

    /** A string (with {@code text} decoded), number, boolean or null. */
    record Scalar(int start, int end, String text) implements Node {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String text;
    final Obj root;
    private int pos;

    private JsoncDocument(String text) {
        this.text = text;
        skip();
        Node n = value();
        if (!(n instanceof Obj o)) {
            throw new IllegalStateException("JSON config must be an object");
        }
        this.root = o;
    }

    static JsoncDocument parse(String text) {
        return new JsoncDocument(text);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Node value() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            List<Member> members = new ArrayList<>();
            while (true) {
                skip();
                if (text.charAt(pos) == '}') {
                    int close = pos++;
                    return new Obj(start, pos, members, close);
                }
                int keyStart = pos;
                String key = ((Scalar) value()).text();
                skip();
                pos++; // ':'
                skip();
                Node v = value();
                skip();
                int commaEnd = -1;
                if (text.charAt(pos) == ',') {
                    commaEnd = ++pos;
                }
                members.add(new Member(key, keyStart, v, commaEnd));
            }
        }
        if (c == '[') {
            pos++;
            List<Node> items = new ArrayList<>();
            while (true) {
                skip();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return new Arr(start, pos, items);
                }
                items.add(value());
                skip();
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        }
        if (c == '"') {
            pos++;
            while (text.charAt(pos) != '"') {
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
            try {
                return new Scalar(start, pos, JSON.readValue(text.substring(start, pos), String.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        while (pos < text.length() && ",]}/ \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return new Scalar(start, pos, text.substring(start, pos));
    }

    /** Skips whitespace and comments. */
    private void skip() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
