package dev.arcrun.core.local;

import dev.arcrun.core.deploy.Ansi;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.LogStream;
import dev.arcrun.core.deploy.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Follows the local engine's log file and hands each new complete line to a listener as a {@link LogLine},
 * ANSI-stripped and redacted, the same lines a deploy shows. The engine writes to a file (not a pipe) so it keeps
 * running after the process that started it exits; this is how its output is still streamed.
 */
final class LogTail {

    private final Path file;
    private final Redactor redactor;
    private final LogListener listener;
    private long offset;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LogTail(Path file, long fromOffset, Redactor redactor, LogListener listener) {
        this.file = file;
        this.offset = fromOffset;
        this.redactor = redactor;
        this.listener = listener;
    }

    /** Reads what was appended since the last call and emits its complete lines. */
    void poll() {
        if (!Files.isRegularFile(file)) return;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < offset) offset = 0; // the file was truncated or replaced
            if (length == offset) return;
            raf.seek(offset);
            byte[] buf = new byte[(int) Math.min(length - offset, 1 << 20)];
            raf.readFully(buf);
            offset += buf.length;
            for (byte b : buf) {
                if (b == '\n') {
                    emit(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else if (b != '\r') {
                    partial.write(b);
                }
            }
        } catch (IOException e) {
            // the file may be rotated or deleted under us; the next poll tries again
        }
    }

    private void emit(String raw) {
        String text = redactor.redact(Ansi.strip(raw));
        if (text.isBlank()) return;
        listener.accept(new LogLine("local-engine", LogStream.STDOUT, Instant.now(), LogLevel.of(text), text));
    }
}
