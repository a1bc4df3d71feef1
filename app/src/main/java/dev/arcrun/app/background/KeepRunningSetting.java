package dev.arcrun.app.background;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Keep the local engine running in the background": off by default, so quitting stops an engine the app started
 * (the home card promises it runs "while the app is open"). Kept in the app folder, saved as soon as it changes.
 * The Settings page shows it with {@link KeepRunningView}; the window's close asks {@link #get()}.
 */
public final class KeepRunningSetting {
    static final String FILE = "background.json";
    private static final String KEY = "keep_local_engine_running";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BooleanProperty keepRunning = new SimpleBooleanProperty(false);

    private KeepRunningSetting(Path file, boolean value) {
        this.file = file;
        keepRunning.set(value);
        keepRunning.addListener((o, was, now) -> save(now));
    }

    /** The setting as saved in {@code folder} (the app folder's root); off when never set or unreadable. */
    public static KeepRunningSetting load(Path folder) {
        Path file = folder.resolve(FILE);
        boolean value = false;
        if (Files.isRegularFile(file)) {
            try {
                value = JSON.readTree(file.toFile()).path(KEY).asBoolean(false);
            } catch (IOException | RuntimeException unreadable) {
                // a damaged file costs the user this one choice, which the Settings page shows as off
            }
        }
        return new KeepRunningSetting(file, value);
    }

    private void save(boolean value) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writeValueAsBytes(Map.of(KEY, value)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean get() { return keepRunning.get(); }

    /** Bound both ways to the Settings page's check box; every change is saved. */
    public BooleanProperty keepRunningProperty() { return keepRunning; }
}
