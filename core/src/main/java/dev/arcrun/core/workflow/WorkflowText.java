package dev.arcrun.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A workflow written or pasted as text, in JSON or YAML: parsed, and checked for the shape every workflow has (an
 * object with a name and a list of steps). The one place the app and the CLI check a workflow's text before the
 * engine sees it; the engine still has the last word on the steps themselves.
 */
public final class WorkflowText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private WorkflowText() {}

    public enum Format { JSON, YAML }

    /** What is wrong with the text, as a fact; the caller says it in its own words. */
    public enum Problem {
        /** Nothing written yet. */
        EMPTY,
        /** Not valid in the format at all (see {@link Bad#line()} and {@link Bad#column()}). */
        SYNTAX,
        /** Valid, but a list or a single value where a workflow is an object. */
        NOT_AN_OBJECT,
        /** No {@code name}, or not a text. */
        NO_NAME,
        /** No {@code steps}, or not a list. */
        NO_STEPS
    }

    public sealed interface Checked {}

    public record Good(JsonNode workflow) implements Checked {}

    /**
     * @param line   1-based, 0 when not known
     * @param column 1-based, 0 when not known
     * @param parser the parser's own words about a syntax error (English, for the Details view), or empty
     */
    public record Bad(Problem problem, int line, int column, String parser) implements Checked {}

    public static Checked check(String text, Format format) {
        if (text == null || text.isBlank()) {
            return new Bad(Problem.EMPTY, 1, 1, "");
        }
        JsonNode node;
        switch (JsonDocument.parseObject(text, format == Format.YAML ? YAML : JSON)) {
            case JsonDocument.Bad bad when JsonDocument.NOTHING.equals(bad.reason()) -> {
                return new Bad(Problem.EMPTY, 1, 1, "");
            }
            case JsonDocument.Bad bad -> {
                return new Bad(Problem.SYNTAX, bad.line(), bad.column(), bad.reason());
            }
            case JsonDocument.NotAnObject n when "NULL".equals(n.kind()) -> {
                return new Bad(Problem.EMPTY, 1, 1, "");
            }
            case JsonDocument.NotAnObject n -> {
                return new Bad(Problem.NOT_AN_OBJECT, 1, 1, "");
            }
            case JsonDocument.Good good -> node = good.value();
        }
        if (!node.path("name").isTextual() || node.path("name").asText().isBlank()) {
            return new Bad(Problem.NO_NAME, 1, 1, "");
        }
        if (!node.path("steps").isArray()) {
            return new Bad(Problem.NO_STEPS, 1, 1, "");
        }
        return new Good(node);
    }
}
