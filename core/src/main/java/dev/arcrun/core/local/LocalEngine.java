package dev.arcrun.core.local;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.LogStream;
import dev.arcrun.core.deploy.ProcessTree;
import dev.arcrun.core.deploy.Redactor;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The arcrun engine on this computer: both workers under one {@code wrangler dev} (real workerd, multi-config so the
 * REGISTRY service binding connects), bound to 127.0.0.1 on a free port, KV and R2 persisted under
 * {@link AppHome#local()}. The process outlives the one that started it (its output goes to a log file), and a
 * state file lets a later process find it, check it with /health, or stop its whole process tree.
 */
public final class LocalEngine {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(250);
    static final long MAX_LOG_BYTES = 5L * 1024 * 1024;
    private static final ReentrantLock JVM_LOCK = new ReentrantLock(); // FileLock only guards against other processes

    private final AppHome home;
    private final ToolchainManager toolchains;
    private final HealthProbe health = new HealthProbe();
    private final PortSource ports;

    public LocalEngine(AppHome home, ToolchainManager toolchains) {
        this(home, toolchains, LocalEngine::freePort);
    }

    /** {@code ports} hands out the engine's port (tests give a taken one to see the retry). */
    LocalEngine(AppHome home, ToolchainManager toolchains, PortSource ports) {
        this.home = home;
        this.toolchains = toolchains;
        this.ports = ports;
    }

    @FunctionalInterface
    interface PortSource {
        int next() throws IOException;
    }

    public static LocalEngine forHome(AppHome home) {
        return new LocalEngine(home, new ToolchainManager(home.tools()));
    }

    Path stateFile() {
        return home.local().resolve("engine.json");
    }

    /** The engine's full log (every start appends to it). */
    public Path logFile() {
        return home.logs().resolve("local-engine.log");
    }

    public LocalStatus status() {
        Optional<LocalEngineState> state = LocalEngineState.read(stateFile());
        if (state.isEmpty()) return new LocalStatus.Stopped();
        LocalEngineState s = state.get();
        Optional<ProcessHandle> process = ours(s);
        if (process.isEmpty()) {
            return new LocalStatus.Stopped();
        }
        return health.version(s.url())
                .<LocalStatus>map(v -> new LocalStatus.Running(s.url(), s.pid(), s.port(), v))
                .orElseGet(() -> new LocalStatus.Unhealthy(s.url(), s.pid(), "the process runs but " + s.url() + "/health does not answer"));
    }

    /**
     * Starts the engine, or finds the one already running; returns once /health answers. An engine that runs
     * but does not answer, or runs another version of the engine than the one built into this app, is stopped
     * and started again. Installs the private toolchain when it is missing.
     */
    public LocalStatus.Running start(LogListener listener, Duration timeout, Cancellation cancellation) {
        return start(null, listener, timeout, cancellation);
    }

    /**
     * Starts the engine unpacked in {@code engineDir} (an install's bundle), or the app's built-in engine when it is
     * null. An engine already running is kept when it runs from the same folder, and replaced when not.
     */
    public LocalStatus.Running start(Path engineDir, LogListener listener, Duration timeout, Cancellation cancellation) {
        return locked(() -> {
            Path dir = engineDir != null ? engineDir : EngineSource.unpack(AppHome.ensureDir(home.local()));
            LocalStatus now = status();
            if (now instanceof LocalStatus.Running running) {
                if (runsFrom(dir)) {
                    say(listener, LogLevel.INFO, "The local engine is already running at " + running.url() + ".");
                    return running;
                }
                say(listener, LogLevel.INFO, "The running engine is not the one asked for (another version or install); restarting it.");
                stopLocked();
            }
            if (now instanceof LocalStatus.Unhealthy unhealthy) {
                say(listener, LogLevel.WARN, "The local engine (pid " + unhealthy.pid() + ") does not answer; restarting it.");
                stopLocked();
            }
            Files.deleteIfExists(stateFile());
            say(listener, LogLevel.INFO, "Checking the private toolchain (node and wrangler)…");
            Toolchain toolchain = toolchains.ensure(line -> say(listener, LogLevel.INFO, line), cancellation);
            try {
                return launch(toolchain, dir, listener, timeout, cancellation);
            } catch (PortTaken e) {
                // Another program took the free port between our check and wrangler's bind: once more on another.
                say(listener, LogLevel.WARN, "Port " + e.port + " was taken meanwhile; trying another.");
                return launch(toolchain, dir, listener, timeout, cancellation);
            }
        });
    }

    private LocalStatus.Running launch(Toolchain toolchain, Path engineDir, LogListener listener, Duration timeout,
                                       Cancellation cancellation) throws IOException {
        int port = ports.next();
        int inspectorPort = freePort();
        Path persist = AppHome.ensureDir(home.local().resolve("state"));
        Path log = logFile();
        AppHome.ensureDir(log.getParent());
        if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
            // Keep one previous log; the file would otherwise grow with every start.
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = toolchain.wranglerCommand("dev",
                "-c", "workers/cypher-executor/wrangler.toml", "-c", "workers/registry/wrangler.toml",
                "--ip", "127.0.0.1", "--port", Integer.toString(port), "--inspector-port", Integer.toString(inspectorPort),
                "--persist-to", persist.toString(), "--show-interactive-dev-session=false");
        ProcessBuilder pb = new ProcessBuilder(command).directory(engineDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("XDG_CONFIG_HOME", AppHome.ensureDir(home.wranglerConfig()).toString());
        env.put("WRANGLER_SEND_METRICS", "false");
        env.put("WRANGLER_HIDE_BANNER", "true");
        env.put("WRANGLER_LOG_PATH", home.logs().toString());
        // The engine on this computer needs nothing from the internet: no fetch of Cloudflare's Request.cf sample
        // (offline it only prints two stack traces).
        env.put("CLOUDFLARE_CF_FETCH_ENABLED", "false");
        // Local mode needs no account; never hand wrangler a token it could use.
        env.remove("CLOUDFLARE_API_TOKEN");
        env.remove("CLOUDFLARE_API_KEY");
        env.remove("CLOUDFLARE_ACCOUNT_ID");
        String url = "http://127.0.0.1:" + port;
        say(listener, LogLevel.INFO, "Starting the engine with wrangler " + toolchain.wranglerVersion() + " on " + url + "…");
        Process process = pb.start();
        LocalEngineState state = new LocalEngineState(process.pid(), port, url, Instant.now().toString(),
                engineDir.toString(), log.toString());
        state.write(stateFile());

        LogTail tail = new LogTail(log, logStart, Redactor.NONE, listener);
        Instant deadline = Instant.now().plus(timeout);
        try (Cancellation.Registration ignored = cancellation.onCancel(() -> ProcessTree.kill(process.toHandle()))) {
            while (true) {
                tail.poll();
                Optional<String> version = health.version(url);
                if (version.isPresent()) {
                    tail.poll();
                    say(listener, LogLevel.INFO, "The local engine answers at " + url + ".");
                    return new LocalStatus.Running(url, process.pid(), port, version.get());
                }
                if (cancellation.isCancelled()) {
                    fail(process, "Starting the local engine was cancelled.", "");
                }
                if (!process.isAlive()) {
                    tail.poll();
                    if (logSince(log, logStart).contains("EADDRINUSE") || logSince(log, logStart).contains("Address already in use")) {
                        Files.deleteIfExists(stateFile());
                        throw new PortTaken(port);
                    }
                    fail(process, "The local engine stopped while starting (exit code " + process.exitValue() + ").",
                            "Its output is above and in " + log + ".");
                }
                if (Instant.now().isAfter(deadline)) {
                    fail(process, "The local engine did not answer within " + timeout.toSeconds() + " s.",
                            "See " + log + "; a slow first start may need a longer wait.");
                }
                sleep(POLL);
            }
        }
    }

    private void fail(Process process, String message, String advice) throws IOException {
        ProcessTree.kill(process.toHandle());
        Files.deleteIfExists(stateFile());
        throw new UserFacingException(message, advice);
    }

    private boolean runsFrom(Path engineDir) {
        return LocalEngineState.read(stateFile())
                .map(st -> Path.of(st.engineDir()).toAbsolutePath().normalize().equals(engineDir.toAbsolutePath().normalize()))
                .orElse(false);
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** wrangler could not bind the port we picked. */
    private static final class PortTaken extends RuntimeException {
        final int port;

        PortTaken(int port) {
            super("port " + port + " taken", null, false, false);
            this.port = port;
        }
    }

    /** Stops the engine and everything it started; false when none was running. */
    public boolean stop() {
        return locked(this::stopLocked);
    }

    private boolean stopLocked() throws IOException {
        Optional<LocalEngineState> state = LocalEngineState.read(stateFile());
        boolean stopped = false;
        if (state.isPresent()) {
            Optional<ProcessHandle> process = ours(state.get());
            if (process.isPresent()) {
                ProcessTree.kill(process.get());
                stopped = true;
            }
        }
        Files.deleteIfExists(stateFile());
        return stopped;
    }

    /**
     * Streams the engine's log from now on until cancelled: for a console that attaches to an engine started
     * earlier (by the CLI, or before an app restart).
     */
    public void followLogs(LogListener listener, Cancellation cancellation) {
        Path log = logFile();
        long from;
        try {
            from = Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            from = 0;
        }
        LogTail tail = new LogTail(log, from, Redactor.NONE, listener);
        while (!cancellation.isCancelled()) {
            tail.poll();
            sleep(POLL);
        }
    }

    /** The recorded process, when it is alive and still a wrangler (a reused pid is someone else's). */
    static Optional<ProcessHandle> ours(LocalEngineState state) {
        return ProcessHandle.of(state.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("wrangler")).orElse(true));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void say(LogListener listener, LogLevel level, String text) {
        listener.accept(new LogLine("local-engine", LogStream.ARCRUN, Instant.now(), level, text));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("Interrupted while waiting for the local engine.", "");
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** One start or stop at a time, across threads of this JVM and across processes. */
    private <T> T locked(IoAction<T> action) {
        JVM_LOCK.lock();
        try {
            Path lockFile = AppHome.ensureDir(home.local()).resolve("engine.lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Local engine: " + e.getMessage(), e);
        } finally {
            JVM_LOCK.unlock();
        }
    }
}
