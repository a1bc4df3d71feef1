package dev.arcrun.core.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to run: the command, its folder, the environment changes on top of this process's own environment
 * ({@code env} to set, {@code unsetEnv} to remove), text for stdin (or null: stdin is closed at once, so a prompt
 * gets end-of-file instead of hanging), and how long it may take.
 *
 * @param worker the label every {@link LogLine} of this run carries
 */
public record ProcessRun(String worker, List<String> command, Path dir, Map<String, String> env, Set<String> unsetEnv,
                         String stdin, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public ProcessRun {
        Objects.requireNonNull(worker, "worker");
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
        env = Map.copyOf(env);
        unsetEnv = Set.copyOf(unsetEnv);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static ProcessRun of(String worker, List<String> command, Path dir) {
        return new ProcessRun(worker, command, dir, Map.of(), Set.of(), null, DEFAULT_TIMEOUT);
    }

    public ProcessRun withEnv(Map<String, String> newEnv) {
        return new ProcessRun(worker, command, dir, newEnv, unsetEnv, stdin, timeout);
    }

    public ProcessRun withUnsetEnv(Set<String> names) {
        return new ProcessRun(worker, command, dir, env, names, stdin, timeout);
    }

    public ProcessRun withStdin(String text) {
        return new ProcessRun(worker, command, dir, env, unsetEnv, text, timeout);
    }

    public ProcessRun withTimeout(Duration newTimeout) {
        return new ProcessRun(worker, command, dir, env, unsetEnv, stdin, newTimeout);
    }

    /** Never prints the environment or stdin: they carry the token and secrets. */
    @Override
    public String toString() {
        return "ProcessRun[" + worker + ": " + String.join(" ", command) + "]";
    }
}
