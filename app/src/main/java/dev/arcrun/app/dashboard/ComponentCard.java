package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One component of the engine's catalog, ready to show as a card: what it is, what it takes (required and optional
 * inputs), which credentials it needs, and a step that uses it.
 */
record ComponentCard(String id, String name, String description, Category category, List<Input> required,
                     List<Input> optional, List<String> credentials, String example) {

    /** The catalog's categories; {@code control} is control flow ({@code if}). */
    enum Category { LOGIC, API, CONTROL }

    record Input(String name, String type, String description) {}

    static ComponentCard of(JsonNode c) {
        Category category = switch (c.path("category").asText("")) {
            case "api" -> Category.API;
            case "control" -> Category.CONTROL;
            default -> Category.LOGIC;
        };
        List<String> credentials = new ArrayList<>();
        c.path("credentials_required").forEach(n -> credentials.add(n.asText()));
        String id = c.path("canonical_id").asText();
        return new ComponentCard(id, c.path("display_name").asText(id), c.path("description").asText(""), category,
                inputs(c.path("inputs").path("required")), inputs(c.path("inputs").path("optional")),
                List.copyOf(credentials), c.path("config_example").isMissingNode() ? "" : JsonText.pretty(c.path("config_example")));
    }

    private static List<Input> inputs(JsonNode list) {
        List<Input> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.isTextual() ? new Input(n.asText(), "", "")
                    : new Input(n.path("name").asText(), n.path("type").asText(""), n.path("description").asText("")));
        }
        return List.copyOf(out);
    }

    /** Whether the card is one the user is looking for: every word in its id, name, description or an input's name. */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        StringBuilder hay = new StringBuilder().append(id).append(' ').append(name).append(' ').append(description);
        required.forEach(i -> hay.append(' ').append(i.name()));
        optional.forEach(i -> hay.append(' ').append(i.name()));
        credentials.forEach(k -> hay.append(' ').append(k));
        String text = hay.toString().toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
