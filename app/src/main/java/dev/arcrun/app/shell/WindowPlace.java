package dev.arcrun.app.shell;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the window was and which page it showed, kept in the app folder so the next start opens the same way. A
 * place that no longer fits any screen (a monitor was unplugged) keeps its size but not its position. Read before the
 * first window shows, so with jackson-core's streaming parser: databind's ObjectMapper costs 0.4 s of class loading
 * there (the file is the same JSON object databind wrote).
 */
public record WindowPlace(double x, double y, double width, double height, boolean maximized, String page) {
    static final String FILE = "window.json";
    private static final JsonFactory JSON = new JsonFactory();
    /** Enough of the title bar must be on a screen for the user to grab it. */
    private static final double GRAB = 40;

    public static Optional<WindowPlace> load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonParser in = JSON.createParser(Files.readAllBytes(file))) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            double x = 0, y = 0, width = 0, height = 0;
            boolean maximized = false;
            String page = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                switch (name) {
                    case "x" -> x = in.getValueAsDouble();
                    case "y" -> y = in.getValueAsDouble();
                    case "width" -> width = in.getValueAsDouble();
                    case "height" -> height = in.getValueAsDouble();
                    case "maximized" -> maximized = value == JsonToken.VALUE_TRUE;
                    case "page" -> page = value == JsonToken.VALUE_STRING ? in.getText() : null;
                    default -> in.skipChildren(); // written by a newer version: not ours to read
                }
            }
            if (in.currentToken() != JsonToken.END_OBJECT) {
                return Optional.empty(); // cut off
            }
            return width > 0 && height > 0 ? Optional.of(new WindowPlace(x, y, width, height, maximized, page)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged file costs the user the window's place, nothing else
        }
    }

    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("x", x);
            out.writeNumberField("y", y);
            out.writeNumberField("width", width);
            out.writeNumberField("height", height);
            out.writeBooleanField("maximized", maximized);
            out.writeStringField("page", page);
            out.writeEndObject();
        }
        AtomicFiles.write(folder.resolve(FILE), bytes.toByteArray());
    }

    /** Whether a grabbable part of the title bar (near its left end) lies on one of the screens' visual bounds. */
    public boolean reachableOn(List<Rectangle2D> screens) {
        double gx = x + Math.min(width, 5 * GRAB) / 2;
        double gy = y + GRAB / 2;
        return screens.stream().anyMatch(s -> s.contains(gx, gy));
    }
}
