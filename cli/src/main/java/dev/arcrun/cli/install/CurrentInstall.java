package dev.arcrun.cli.install;

import dev.arcrun.core.config.AppHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The install chosen with {@code arcrun use}, kept in {@code current-install} in the app folder (a name, no secret). */
public final class CurrentInstall {
    private static final String FILE = "current-install";

    private CurrentInstall() {}

    public static Optional<String> get(AppHome home) {
        Path f = home.root().resolve(FILE);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void set(AppHome home, String name) {
        try {
            Files.createDirectories(home.root());
            Path tmp = Files.createTempFile(home.root(), FILE, ".part");
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, home.root().resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new dev.arcrun.cli.i18n.CliProblem("use.cannot_save", null, home.root(), String.valueOf(e.getMessage()));
        }
    }
}
