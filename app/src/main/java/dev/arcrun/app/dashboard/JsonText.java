package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Showing JSON back to the user (what they typed is checked by core's {@code JsonDocument}). */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonText() {}

    static String pretty(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** On one line, shortened, for a table cell. */
    static String oneLine(JsonNode node, int max) {
        String s = node == null || node.isNull() || node.isMissingNode() ? "" : node.isTextual() ? node.asText() : head(node, 2 * max);
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * The start of the node's JSON, written only as far as {@code chars}: a step's 150 kB output costs a table cell
     * what it shows, not its whole serialisation.
     */
    private static String head(JsonNode node, int chars) {
        StringBuilder out = new StringBuilder();
        java.io.Writer bounded = new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                out.append(buf, off, Math.min(len, chars - out.length()));
                if (out.length() >= chars) {
                    throw new Enough();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        try {
            COMPACT.writeValue(bounded, node);
        } catch (java.io.IOException enough) {
            // written as far as needed
        }
        return out.toString();
    }

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private static final class Enough extends java.io.IOException {
        Enough() {
            super(null, null);
        }
    }
}
