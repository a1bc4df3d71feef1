package dev.arcrun.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * {@code arcrun} started as its own process, as a user's shell starts it: for what only a whole process shows
 * (Ctrl-C, a kill, a small heap). It uses the given app folder and a file secret store.
 */
public final class ChildCli {
    private ChildCli() {
    }

    /** {@code java [jvmOptions] ArcrunCli args} with {@code env} added to this process's environment. */
    public static ProcessBuilder builder(Path home, Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArcrunCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("ARCRUN_HOME", home.toString());
        pb.environment().put("ARCRUN_SECRET_STORE", "file");
        return pb;
    }

    /** What a child wrote so far, for a failure message. */
    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until the child JVM has a thread of that name that is waiting (on a latch, a lock or a sleep), as its
     * thread dump (the JDK's jcmd) shows: it has done what it does before it waits.
     */
    public static void awaitWaitingThread(Process child, String thread, Duration atMost) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Awaitility.await("a waiting thread '" + thread + "' in pid " + child.pid()).atMost(atMost)
                .failFast("the child ended", () -> !child.isAlive())
                .until(() -> {
                    Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "Thread.print")
                            .redirectErrorStream(true).start();
                    String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    dump.waitFor();
                    int at = text.indexOf("\"" + thread + "\"");
                    if (at < 0) {
                        return false;
                    }
                    int end = text.indexOf("\n\n", at);
                    return text.substring(at, end < 0 ? text.length() : end).contains("WAITING");
                });
    }
}
