package dev.arcrun.core.deploy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The full log of one job, one line per {@link LogLine}, in the app's logs folder (the consoles keep only a tail).
 * Lines arrive already redacted. Owner-only on POSIX all the same: a log is nobody else's business.
 */
public final class LogFile implements LogListener, AutoCloseable {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final long FLUSH_EVERY_NANOS = 200_000_000L;

    private final Path path;
    private final BufferedWriter writer;
    private long lastFlush = System.nanoTime();

    private LogFile(Path path) throws IOException {
        this.path = path;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A new file {@code <kind>-<utc time>.log} in {@code logsDir}. */
    public static LogFile create(Path logsDir, String kind) {
        try {
            Files.createDirectories(logsDir);
            Path path = logsDir.resolve(kind + "-" + NAME_TIME.format(Instant.now()) + ".log");
            for (int i = 1; Files.exists(path); i++) {
                path = logsDir.resolve(kind + "-" + NAME_TIME.format(Instant.now()) + "-" + i + ".log");
            }
            return new LogFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log file in " + logsDir + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void accept(LogLine line) {
        try {
            writer.write(line.time().toString());
            writer.write(" [");
            writer.write(line.worker());
            writer.write("] ");
            writer.write(line.stream().name().toLowerCase());
            writer.write(' ');
            writer.write(line.level().name());
            writer.write(' ');
            writer.write(line.text());
            writer.newLine();
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_EVERY_NANOS) {
                writer.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log file " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
