package dev.arcrun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What JavaFX needs from the computer before it can open a window, checked up front so that a missing piece is one
 * line naming what to install, not glass's stack trace. Only Linux has needs the app does not ship: a display and GTK 3.
 */
final class SystemNeeds {
    private SystemNeeds() {}

    /** Where distributions keep libgtk-3.so.0 (Debian multiarch, Fedora lib64, the rest). */
    static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/usr/local/lib");

    /** The one line to print when the GUI cannot start here, or empty when it can. */
    static Optional<String> missing(String osName, Map<String, String> env, List<Path> libDirs, Map<String, String> props) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) return Optional.empty();
        if (props.getOrDefault("glass.platform", "").equalsIgnoreCase("Monocle")) return Optional.empty(); // headless tests
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("Arcrun Desktop needs a graphical desktop and none is running here (DISPLAY and WAYLAND_DISPLAY"
                    + " are not set): start it from your desktop session, or use the 'arcrun' command in a terminal.");
        }
        if (libDirs.stream().noneMatch(d -> Files.exists(d.resolve("libgtk-3.so.0")))) {
            return Optional.of("Arcrun Desktop needs GTK 3, which is not installed: install it (Debian/Ubuntu: 'sudo apt install"
                    + " libgtk-3-0', Fedora: 'sudo dnf install gtk3'), then start Arcrun Desktop again.");
        }
        return Optional.empty();
    }

    static Optional<String> missingHere() {
        return missing(System.getProperty("os.name", ""), System.getenv(), LIB_DIRS.stream().map(Path::of).toList(),
                Map.of("glass.platform", System.getProperty("glass.platform", "")));
    }

    /** JavaFX's own failure to start, as one line, when the check above could not foresee it. */
    static Optional<String> explain(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("glass GTK") || m.contains("gtk")) {
                return Optional.of("Arcrun Desktop cannot start GTK 3 (" + m + "): install it (Debian/Ubuntu: 'sudo apt install"
                        + " libgtk-3-0'), then start Arcrun Desktop again.");
            }
            if (m.contains("DISPLAY")) {
                return Optional.of("Arcrun Desktop cannot open a window (" + m + "): start it from your desktop session.");
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
