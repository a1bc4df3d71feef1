package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.Note;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a command and streams its stdout and stderr, line by line as they come, to a listener. Every line is
 * ANSI-stripped and redacted before anyone sees it. Stops the whole process tree on cancel or timeout.
 * Memory is bounded: lines are handed on at once (a slow listener slows the child through the pipe, it never
 * piles lines up here) and only the last {@value #TAIL} lines are kept, for error reports.
 */
public final class ProcessStreamer {

    static final int TAIL = 40;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    private final Redactor redactor;
    private final LogListener listener;
    private final ReentrantLock deliver = new ReentrantLock(); // stdout and stderr readers take turns

    public ProcessStreamer(Redactor redactor, LogListener listener) {
        this.redactor = redactor;
        this.listener = listener;
    }

    /** Runs to the end (exit, timeout or cancel) and says how it ended. Throws only when it cannot start. */
    public ProcessOutcome run(ProcessRun run, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new ProcessOutcome.Cancelled(List.of());
        }
        ProcessBuilder pb = new ProcessBuilder(run.command());
        if (run.dir() != null) pb.directory(run.dir().toFile());
        Map<String, String> env = pb.environment();
        run.unsetEnv().forEach(env::remove);
        env.putAll(run.env());

        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.PROGRAM_NOT_STARTED, run.command().getFirst(),
                    redactor.redact(String.valueOf(e.getMessage()))), Advice.of(Advice.Code.PROGRAM_INSTALLED), e);
        }
        ArrayDeque<String> tail = new ArrayDeque<>(TAIL);
        Thread out = reader(run.worker(), LogStream.STDOUT, process.getInputStream(), tail);
        Thread err = reader(run.worker(), LogStream.STDERR, process.getErrorStream(), tail);
        writeStdin(process, run.stdin());

        boolean[] cancelledHere = {false};
        try (Cancellation.Registration _ = cancellation.onCancel(() -> {
            cancelledHere[0] = true;
            ProcessTree.kill(process.toHandle());
        })) {
            boolean exited = waitFor(process, run.timeout());
            if (!exited) {
                ProcessTree.kill(process.toHandle());
                waitFor(process, Duration.ofSeconds(5));
            }
            join(out);
            join(err);
            if (cancelledHere[0] || cancellation.isCancelled() && !exited) {
                note(run.worker(), LogLevel.WARN, Note.of(Note.Code.PROCESS_CANCELLED));
                return new ProcessOutcome.Cancelled(snapshot(tail));
            }
            if (!exited) {
                note(run.worker(), LogLevel.ERROR, Note.of(Note.Code.PROCESS_STOPPED, run.timeout()));
                return new ProcessOutcome.TimedOut(run.timeout(), snapshot(tail));
            }
            return new ProcessOutcome.Exited(process.exitValue(), snapshot(tail));
        }
    }

    /** The same streamer, also feeding {@code extra} (e.g. a parser of one run's output). */
    public ProcessStreamer alsoTo(LogListener extra) {
        return new ProcessStreamer(redactor, listener.andThen(extra));
    }

    /**
     * A line of Arcrun's own (e.g. "Deploying arcrun-registry…"), as a fact; its English text is redacted and it is
     * delivered like the child's lines, but kept out of the tail (that is the child's own last words).
     */
    public void note(String worker, LogLevel level, Note note) {
        LogLine line = LogLine.note(worker, level, note);
        emit(line.withText(redactor.redact(line.text())), new ArrayDeque<>(1));
    }

    private Thread reader(String worker, LogStream stream, InputStream in, ArrayDeque<String> tail) {
        return Thread.ofPlatform().daemon().name("log-" + worker + "-" + stream.name().toLowerCase()).start(() -> {
            try (in) {
                LineSplitter.split(in, LineSplitter.DEFAULT_MAX_LINE, raw -> {
                    String text = redactor.redact(Ansi.strip(raw));
                    emit(worker, stream, LogLevel.of(text), text, tail);
                });
            } catch (IOException e) {
                // the pipe closed under us (process killed): nothing more to read
            }
        });
    }

    private void emit(String worker, LogStream stream, LogLevel level, String text, ArrayDeque<String> tail) {
        emit(new LogLine(worker, stream, Instant.now(), level, text), tail);
    }

    private void emit(LogLine line, ArrayDeque<String> tail) {
        deliver.lock();
        try {
            if (tail.size() == TAIL) tail.removeFirst();
            tail.addLast(line.text());
            try {
                listener.accept(line);
            } catch (RuntimeException e) {
                // A faulty listener (a full disk under the log file, a UI bug) must not stop the draining: the
                // child's pipe would fill up and the child would hang. The run's outcome does not depend on it.
            }
        } finally {
            deliver.unlock();
        }
    }

    private List<String> snapshot(ArrayDeque<String> tail) {
        deliver.lock();
        try {
            return List.copyOf(tail);
        } finally {
            deliver.unlock();
        }
    }

    private static void writeStdin(Process process, String stdin) {
        try (OutputStream os = process.getOutputStream()) {
            if (stdin != null) {
                os.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the child closed stdin or died early: its exit code and output tell the story
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(process.toHandle());
            return false;
        }
    }

    /** A grandchild that outlives its parent may hold the pipe open; do not wait for it forever. */
    private static void join(Thread reader) {
        try {
            reader.join(DRAIN_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
