package dev.arcrun.core.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        try {
            node = (format == Format.YAML ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new Bad(Problem.SYNTAX, at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Bad(Problem.EMPTY, 1, 1, "");
        }
        if (!node.isObject()) {
            return new Bad(Problem.NOT_AN_OBJECT, 1, 1, "");
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
