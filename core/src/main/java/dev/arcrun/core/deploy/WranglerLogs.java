package dev.arcrun.core.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** wrangler's own debug logs: one file per run in an owner-only folder, masked once the run is over. */
final class WranglerLogs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final AtomicLong SEQ = new AtomicLong();

    private WranglerLogs() {
    }

    /** A fresh path for WRANGLER_LOG_PATH (wrangler takes a path ending in .log as the file itself). */
    static Path newLogFile(Path dir, String worker) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        String safe = worker.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve("wrangler-" + safe + "-" + TIME.format(Instant.now()) + "-" + SEQ.incrementAndGet() + ".log");
    }

    /** Rewrites the file with every secret masked (atomically); nothing to do when wrangler wrote none. */
    static void scrub(Path file, Redactor redactor) {
        if (!Files.isRegularFile(file)) return;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String masked = redactor.redact(Ansi.strip(text));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, masked, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Never leave an unmasked copy behind: a log we cannot clean is a log we delete.
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more we can do; the folder is owner-only
            }
        }
    }
}
