package dev.arcrun.app.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a workflow file. A seam: headless tests cannot drive the system's file dialog. */
@FunctionalInterface
public interface FilePicker {
    Optional<Path> pick(Window owner, String title, String filterName);

    /** The system's file dialog, for JSON files. */
    static FilePicker system() {
        return (owner, title, filterName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*.json"));
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
