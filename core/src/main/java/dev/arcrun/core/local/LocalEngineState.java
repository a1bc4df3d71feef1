package dev.arcrun.core.local;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a running local engine left behind so a later process (the app after a restart, another CLI call) can find
 * it: the wrangler process id, the port, the folders it uses, and every process of its tree (wrangler's node and
 * workerd), each with its start time so a reused pid is never taken for ours. Written atomically and owner-only;
 * a file that cannot be read is treated as no file.
 *
 * @param processes wrangler and its descendants as last seen; null in a file written by an older version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalEngineState(long pid, int port, String url, String startedAt, String engineDir, String logFile,
                               List<Proc> processes) {

    /** One process of the engine's tree; {@code start} is its start instant as the OS reports it (may be null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proc(long pid, String start) {
        static Proc of(ProcessHandle p) {
            return new Proc(p.pid(), p.info().startInstant().map(Instant::toString).orElse(null));
        }

        /** The live process, when it is still the one recorded (same pid and start time). */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> start == null || p.info().startInstant().map(i -> i.toString().equals(start)).orElse(true));
        }
    }

    public LocalEngineState {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    LocalEngineState withProcesses(List<Proc> now) {
        return new LocalEngineState(pid, port, url, startedAt, engineDir, logFile, now);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<LocalEngineState> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.toFile(), LocalEngineState.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        try {
            AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, this));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
