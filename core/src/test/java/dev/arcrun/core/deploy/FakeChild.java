package dev.arcrun.core.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The tests' stand-in children: an {@code sh} script on POSIX, its {@code .cmd} twin on Windows (written with CRLF and
 * the UTF-8 code page, so "✘" and colour codes reach the streamer as on POSIX).
 */
final class FakeChild {
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    /** The escape character, written into .cmd twins as it is (batch has no escape sequence for it). */
    static final String ESC = "\u001b";

    private FakeChild() {}

    /** {@code sh -c script} here, or the batch file {@code cmd} in {@code dir} on Windows. */
    static List<String> command(Path dir, String script, String cmd) throws IOException {
        return WINDOWS ? List.of(cmdFile(dir, "child-" + System.nanoTime() + ".cmd", cmd).toString()) : List.of("sh", "-c", script);
    }

    /** A batch file with echo off and the UTF-8 code page, lines ending in CRLF (labels and goto need them). */
    static Path cmdFile(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(dir);
        String text = "@echo off\nchcp 65001 >nul\n" + body.strip() + "\n";
        Files.writeString(file, text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
        return file;
    }
}
