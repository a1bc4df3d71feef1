package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow examples that ship inside the app ({@code engine/examples/*.json}, copied into the app's resources at
 * build), in the gallery's order and each with a sample input for its run form.
 */
final class Examples {
    static final String FOLDER = "/dev/arcrun/app/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param workflow the document to store; {@code input} the sample the run form starts with */
    record Example(String name, String description, JsonNode workflow, JsonNode input) {
        int steps() {
            return workflow.path("steps").size();
        }
    }

    private Examples() {}

    static List<Example> all() {
        List<Example> out = new ArrayList<>();
        for (JsonNode entry : read("index.json").path("examples")) {
            String name = entry.path("name").asText();
            JsonNode workflow = read(name + ".json");
            out.add(new Example(name, workflow.path("description").asText(""), workflow, entry.path("input")));
        }
        return List.copyOf(out);
    }

    private static JsonNode read(String file) {
        try (InputStream in = Examples.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the app was built without its example " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
