package dev.arcrun.app.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the window was and which page it showed, kept in the app folder so the next start opens the same way. A
 * place that no longer fits any screen (a monitor was unplugged) keeps its size but not its position.
 */
public record WindowPlace(double x, double y, double width, double height, boolean maximized, String page) {
    static final String FILE = "window.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of the title bar must be on a screen for the user to grab it. */
    private static final double GRAB = 40;

    public static Optional<WindowPlace> load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            WindowPlace p = JSON.readValue(file.toFile(), WindowPlace.class);
            return p.width() > 0 && p.height() > 0 ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged file costs the user the window's place, nothing else
        }
    }

    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** Whether a grabbable part of the title bar (near its left end) lies on one of the screens' visual bounds. */
    public boolean reachableOn(List<Rectangle2D> screens) {
        double gx = x + Math.min(width, 5 * GRAB) / 2;
        double gy = y + GRAB / 2;
        return screens.stream().anyMatch(s -> s.contains(gx, gy));
    }
}
