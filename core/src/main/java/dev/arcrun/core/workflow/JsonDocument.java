package dev.arcrun.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one check of JSON a user typed or picked (a run's input, a workflow file): the document, or where it breaks.
 * Both faces use it, so the CLI and the app report the same line and column.
 */
public final class JsonDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link Bad#reason()} of a document with nothing in it. */
    public static final String NOTHING = "empty";

    private JsonDocument() {}

    public sealed interface Parsed {}

    /** A JSON object, as a run's input and a workflow must be. */
    public record Good(JsonNode value) implements Parsed {}

    /** Valid JSON, but not an object ({@code kind} is Jackson's node type, e.g. {@code ARRAY}). */
    public record NotAnObject(String kind) implements Parsed {}

    /**
     * Not JSON: {@code line} and {@code column} count from 1 (0 when the parser gave no place); {@code reason} is the
     * parser's own technical words, shown as a detail.
     */
    public record Bad(int line, int column, String reason) implements Parsed {}

    public static Parsed parseObject(String text) {
        return parseObject(text, JSON);
    }

    /** The same check with another Jackson format (the workflow editor's YAML): one place reads a place of error. */
    static Parsed parseObject(String text, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(text == null ? "" : text);
            if (node == null || node.isMissingNode()) {
                return new Bad(1, 1, NOTHING);
            }
            return node.isObject() ? new Good(node) : new NotAnObject(node.getNodeType().name());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return new Bad(at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        }
    }
}
