package dev.arcrun.core.local;

import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.AtomicFiles;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ProcessTree;
import dev.arcrun.core.deploy.Redactor;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.Secret;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The arcrun engine of one local install: both workers under one {@code wrangler dev} (real workerd, multi-config so
 * the REGISTRY service binding connects), bound to 127.0.0.1 on a free port, its data persisted in the install's
 * own folder {@link AppHome#localEngine(String)}. The process outlives the one that started it (its output goes to a
 * log file), and a state file lets a later process find it, check it with /health, or stop its whole process tree.
 * <p>The keys reach the engine as secrets in a {@code .dev.vars} file (0600) beside the executor's config in the
 * install's bundle folder — never in an environment or an argument. On POSIX the engine's processes start with
 * {@code umask 077}, so everything workerd persists is owner-only as well.
 */
public final class LocalEngine {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    /** The name of the install the app's "Start on this computer" and {@code install --target local} make. */
    public static final String DEFAULT_INSTALL = "local";
    static final String DEV_VARS = ".dev.vars";
    private static final String EXECUTOR_DIR = "workers/cypher-executor";
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long an engine of ours that is alive but silent may take to answer before a start replaces it. */
    static final Duration SLOW_ANSWER_GRACE = Duration.ofSeconds(10);
    static final long MAX_LOG_BYTES = 5L * 1024 * 1024;
    // FileLock only guards against other processes; one lock per data folder inside this JVM.
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    /** Inherited variables a local engine must never see: our keys, and anything wrangler would hand to the worker. */
    private static final List<String> NEVER_INHERITED = List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY",
            "CLOUDFLARE_ACCOUNT_ID", "CF_API_TOKEN", "CF_API_KEY", "ARCRUN_API_KEY", "ARCRUN_ENCRYPTION_KEY",
            "API_KEY", "ENCRYPTION_KEY", "ALLOW_REGISTER", "CLOUDFLARE_INCLUDE_PROCESS_ENV");

    /** The two keys the engine is started with. Printing this record shows neither. */
    public record Keys(Secret apiKey, Secret encryptionKey) {
        private static final SecureRandom RANDOM = new SecureRandom();

        public Keys {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(encryptionKey, "encryptionKey");
        }

        /** Two new keys: 32 random bytes each, base64, as the engine expects them. */
        public static Keys generate() {
            return new Keys(Secret.of(random()), Secret.of(random()));
        }

        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    private final AppHome home;
    private final ToolchainManager toolchains;
    private final String install;
    private final HealthProbe health = new HealthProbe();
    private final PortSource ports;

    /** The engine of the default install {@value #DEFAULT_INSTALL}. */
    public LocalEngine(AppHome home, ToolchainManager toolchains) {
        this(home, toolchains, DEFAULT_INSTALL);
    }

    public LocalEngine(AppHome home, ToolchainManager toolchains, String install) {
        this(home, toolchains, install, LocalEngine::freePort);
    }

    /** {@code ports} hands out the engine's port (tests give a taken one to see the retry). */
    LocalEngine(AppHome home, ToolchainManager toolchains, PortSource ports) {
        this(home, toolchains, DEFAULT_INSTALL, ports);
    }

    LocalEngine(AppHome home, ToolchainManager toolchains, String install, PortSource ports) {
        this.home = home;
        this.toolchains = toolchains;
        this.install = install;
        this.ports = ports;
        home.localEngine(install); // validates the name
    }

    @FunctionalInterface
    interface PortSource {
        int next() throws IOException;
    }

    public static LocalEngine forHome(AppHome home) {
        return new LocalEngine(home, new ToolchainManager(home.tools()));
    }

    public static LocalEngine forInstall(AppHome home, String install) {
        return new LocalEngine(home, new ToolchainManager(home.tools()), install);
    }

    /** This install's own folder: state file, lock file and the engine's data. */
    public Path folder() {
        return home.localEngine(install);
    }

    /** The engine's data (workerd's KV and R2). */
    public Path dataFolder() {
        return folder().resolve("state");
    }

    Path stateFile() {
        return folder().resolve("engine.json");
    }

    /** The engine's full log (every start appends to it). */
    public Path logFile() {
        return home.logs().resolve(DEFAULT_INSTALL.equals(install) ? "local-engine.log" : "local-engine-" + install + ".log");
    }

    public LocalStatus status() {
        Optional<LocalEngineState> state = LocalEngineState.read(stateFile());
        if (state.isEmpty()) return new LocalStatus.Stopped();
        LocalEngineState s = state.get();
        Optional<ProcessHandle> process = ours(s);
        if (process.isEmpty()) {
            List<ProcessHandle> left = liveRecorded(s);
            if (!left.isEmpty()) {
                // wrangler was killed (kill -9) but workerd, its child, lives on with the data folder open.
                List<String> pids = left.stream().map(p -> Long.toString(p.pid())).toList();
                return new LocalStatus.Unhealthy(s.url(), left.getFirst().pid(), health.version(s.url()).isPresent()
                        ? Failure.of(Failure.Code.LOCAL_ORPHANS_ANSWERING, Long.toString(s.pid()), left.size(), pids, s.url())
                        : Failure.of(Failure.Code.LOCAL_ORPHANS, Long.toString(s.pid()), left.size(), pids));
            }
            return new LocalStatus.Stopped();
        }
        refreshProcesses(s, process.get());
        return health.version(s.url())
                .<LocalStatus>map(v -> new LocalStatus.Running(s.url(), s.pid(), s.port(), v))
                .orElseGet(() -> new LocalStatus.Unhealthy(s.url(), s.pid(), Failure.of(Failure.Code.LOCAL_HEALTH_SILENT, s.url())));
    }

    /**
     * The status, but an engine of ours that is alive and only slow to answer (a busy computer, a long run) gets
     * {@link #SLOW_ANSWER_GRACE} to do so: restarting it would end whatever it is doing.
     */
    private LocalStatus patientStatus() {
        LocalStatus now = status();
        Instant deadline = Instant.now().plus(SLOW_ANSWER_GRACE);
        while (now instanceof LocalStatus.Unhealthy u && u.reason().code() == Failure.Code.LOCAL_HEALTH_SILENT
                && Instant.now().isBefore(deadline)) {
            sleep(POLL);
            now = status();
        }
        return now;
    }

    /**
     * Starts the engine unpacked in {@code engineDir} (an install's bundle; the app's built-in engine when null) with
     * {@code keys}, or finds it already running; returns once /health answers. An engine that runs from another
     * folder, does not answer, or was left half-killed (wrangler gone, workerd still running) is stopped first, so
     * two engines never share one data folder. Installs the private toolchain when it is missing.
     */
    public LocalStatus.Running start(Path engineDir, Keys keys, LogListener listener, Duration timeout, Cancellation cancellation) {
        return start(engineDir, keys, listener, e -> { }, timeout, cancellation);
    }

    /** As above, with the progress of the Node.js and npm downloads when the toolchain has to be bootstrapped. */
    public LocalStatus.Running start(Path engineDir, Keys keys, LogListener listener,
                                     Consumer<DownloadEvent> downloads,
                                     Duration timeout, Cancellation cancellation) {
        // Always with keys: an engine without them would hand keys to whoever asks first (POST /register).
        Objects.requireNonNull(keys, "keys");
        return locked(() -> {
            migrateLegacyData(listener);
            Path dir = engineDir != null ? engineDir : EngineSource.unpack(AppHome.ensureDir(home.local()));
            LocalStatus now = patientStatus();
            if (now instanceof LocalStatus.Running running) {
                if (runsFrom(dir) && devVarsMatch(dir, keys)) {
                    say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_ALREADY_RUNNING, running.url()));
                    return running;
                }
                say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_RESTARTING_OTHER));
                stopLocked();
            }
            if (now instanceof LocalStatus.Unhealthy unhealthy) {
                say(listener, LogLevel.WARN, Note.of(Note.Code.LOCAL_RESTARTING_UNHEALTHY, unhealthy.reason()));
                stopLocked();
            }
            stopLocked(); // a stale record: nothing of it may keep the data folder open
            say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_CHECKING_TOOLCHAIN));
            Toolchain toolchain = toolchains.ensure(listener, downloads, cancellation);
            writeDevVars(dir, keys);
            try {
                return launch(toolchain, dir, listener, timeout, cancellation);
            } catch (PortTaken e) {
                // Another program took the free port between our check and wrangler's bind: once more on another.
                say(listener, LogLevel.WARN, Note.of(Note.Code.LOCAL_PORT_TAKEN, Integer.toString(e.port)));
                return launch(toolchain, dir, listener, timeout, cancellation);
            }
        });
    }

    private LocalStatus.Running launch(Toolchain toolchain, Path engineDir, LogListener listener, Duration timeout,
                                       Cancellation cancellation) throws IOException {
        int port = ports.next();
        int inspectorPort = freePort();
        Path persist = AppHome.ensureDir(dataFolder());
        AppHome.ownerOnly(folder()); // data written by an older version (0644 blobs) becomes owner-only too
        Path log = logFile();
        AppHome.ensureDir(log.getParent());
        if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
            // Keep one previous log; the file would otherwise grow with every start.
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        ownerOnlyFile(log);
        long logStart = Files.size(log);
        List<String> command = toolchain.wranglerCommand("dev",
                "-c", configIn(engineDir, EXECUTOR_DIR), "-c", configIn(engineDir, "workers/registry"),
                "--ip", "127.0.0.1", "--port", Integer.toString(port), "--inspector-port", Integer.toString(inspectorPort),
                "--persist-to", persist.toString(), "--show-interactive-dev-session=false");
        ProcessBuilder pb = new ProcessBuilder(withPrivateUmask(command)).directory(engineDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        Map<String, String> env = pb.environment();
        NEVER_INHERITED.forEach(env::remove);
        env.put("XDG_CONFIG_HOME", AppHome.ensureDir(home.wranglerConfig()).toString());
        env.put("WRANGLER_SEND_METRICS", "false");
        env.put("WRANGLER_HIDE_BANNER", "true");
        env.put("WRANGLER_LOG_PATH", home.logs().toString());
        // The engine on this computer needs nothing from the internet: no fetch of Cloudflare's Request.cf sample
        // (offline it only prints two stack traces).
        env.put("CLOUDFLARE_CF_FETCH_ENABLED", "false");
        // miniflare's local trace store keeps the full URL of every fetch (a secret in a path or query among them)
        // in a sqlite file, and its local explorer serves the data without a key: neither runs for this engine.
        env.put("X_LOCAL_OBSERVABILITY", "false");
        env.put("X_LOCAL_EXPLORER", "false");
        String url = "http://127.0.0.1:" + port;
        say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_STARTING, toolchain.wranglerVersion(), url));
        Process process = pb.start();
        LocalEngineState state = new LocalEngineState(process.pid(), port, url, Instant.now().toString(),
                engineDir.toString(), log.toString(), List.of(LocalEngineState.Proc.of(process.toHandle())));
        state.write(stateFile());

        LogTail tail = new LogTail(log, logStart, Redactor.NONE, listener);
        Instant deadline = Instant.now().plus(timeout);
        try (Cancellation.Registration ignored = cancellation.onCancel(() -> ProcessTree.kill(process.toHandle()))) {
            while (true) {
                tail.poll();
                refreshProcesses(state, process.toHandle());
                Optional<String> version = health.version(url);
                if (version.isPresent()) {
                    tail.poll();
                    refreshProcesses(state, process.toHandle());
                    say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_ANSWERS, url));
                    return new LocalStatus.Running(url, process.pid(), port, version.get());
                }
                if (cancellation.isCancelled()) {
                    fail(process, Failure.of(Failure.Code.LOCAL_START_CANCELLED), Advice.NONE);
                }
                if (!process.isAlive()) {
                    tail.poll();
                    if (logSince(log, logStart).contains("EADDRINUSE") || logSince(log, logStart).contains("Address already in use")) {
                        stopLocked();
                        throw new PortTaken(port);
                    }
                    fail(process, Failure.of(Failure.Code.LOCAL_ENGINE_EXITED, process.exitValue()),
                            Advice.of(Advice.Code.LOCAL_ENGINE_OUTPUT, log));
                }
                if (Instant.now().isAfter(deadline)) {
                    fail(process, Failure.of(Failure.Code.LOCAL_START_TIMED_OUT, timeout), Advice.of(Advice.Code.LOCAL_SLOW_START, log));
                }
                sleep(POLL);
            }
        }
    }

    /** The config wrangler uses in a worker's folder, relative to the engine folder: the generated one once injected. */
    private static String configIn(Path engineDir, String workerDir) {
        return workerDir + "/" + dev.arcrun.core.bundle.ConfigInjector.configIn(engineDir.resolve(workerDir)).getFileName();
    }

    /** On POSIX, {@code sh -c 'umask 077; exec "$@"'}: Java cannot set a child's umask, a shell can (and then is replaced). */
    static List<String> withPrivateUmask(List<String> command) {
        if (isWindows()) return command;
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "arcrun-engine"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The executor's secrets for {@code wrangler dev}: its two keys (never ALLOW_REGISTER: nothing can claim it). Written
     * owner-only and atomically, so no other process ever reads a half-written or world-readable copy.
     */
    private static void writeDevVars(Path engineDir, Keys keys) throws IOException {
        Path file = engineDir.resolve(EXECUTOR_DIR).resolve(DEV_VARS);
        AtomicFiles.write(file, devVars(keys).getBytes(StandardCharsets.UTF_8));
    }

    private static String devVars(Keys keys) {
        return "API_KEY=\"" + dotenvSafe(keys.apiKey().reveal()) + "\"\nENCRYPTION_KEY=\"" + dotenvSafe(keys.encryptionKey().reveal()) + "\"\n";
    }

    private static String dotenvSafe(String value) {
        // wrangler expands $VAR in .dev.vars and our keys are base64 or hex: anything else is not a key we made.
        if (!value.matches("[A-Za-z0-9+/=_-]+")) {
            throw new UserFacingException(Failure.of(Failure.Code.KEYS_INVALID_CHARACTERS), Advice.of(Advice.Code.REINSTALL));
        }
        return value;
    }

    private static boolean devVarsMatch(Path engineDir, Keys keys) {
        try {
            return Files.readString(engineDir.resolve(EXECUTOR_DIR).resolve(DEV_VARS)).equals(devVars(keys));
        } catch (IOException e) {
            return false;
        }
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (AppHome.isPosix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } else if (AppHome.isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Records wrangler's whole tree (node, workerd) as it is now, so a later stop finds it even after kill -9 of wrangler. */
    private void refreshProcesses(LocalEngineState state, ProcessHandle top) {
        if (!top.isAlive()) return;
        Set<LocalEngineState.Proc> now = new LinkedHashSet<>();
        now.add(LocalEngineState.Proc.of(top));
        top.descendants().forEach(p -> now.add(LocalEngineState.Proc.of(p)));
        // keep earlier ones still alive (a restarted runtime is a new pid; the old one may linger)
        for (LocalEngineState.Proc p : state.processes()) {
            if (p.live().isPresent()) now.add(p);
        }
        List<LocalEngineState.Proc> list = List.copyOf(now);
        if (list.equals(state.processes())) return;
        // Only over the record of this same engine: a stop meanwhile deleted it, and it must stay deleted.
        LocalEngineState.read(stateFile()).filter(current -> current.pid() == state.pid())
                .ifPresent(current -> current.withProcesses(list).write(stateFile()));
    }

    private static List<ProcessHandle> liveRecorded(LocalEngineState state) {
        List<ProcessHandle> out = new ArrayList<>();
        for (LocalEngineState.Proc p : state.processes()) {
            if (p.pid() != state.pid()) p.live().ifPresent(out::add);
        }
        return out;
    }

    private void fail(Process process, Failure failure, Advice advice) throws IOException {
        ProcessTree.kill(process.toHandle());
        stopLocked();
        throw new UserFacingException(failure, advice);
    }

    private boolean runsFrom(Path engineDir) {
        return LocalEngineState.read(stateFile())
                .map(st -> Path.of(st.engineDir()).toAbsolutePath().normalize().equals(engineDir.toAbsolutePath().normalize()))
                .orElse(false);
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
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

    /**
     * Stops the engine and everything it started; false when none was running. Data this install still has in the
     * old shared layout moves into its folder first, so an uninstall that follows removes it too.
     */
    public boolean stop() {
        return locked(() -> {
            migrateLegacyData(line -> { });
            return stopLocked();
        });
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
            // What outlived wrangler (kill -9 of it leaves workerd running): by recorded pid and start time.
            for (ProcessHandle orphan : liveRecorded(state.get())) {
                ProcessTree.kill(orphan);
                stopped = true;
            }
            Files.deleteIfExists(Path.of(state.get().engineDir()).resolve(EXECUTOR_DIR).resolve(DEV_VARS));
        }
        Files.deleteIfExists(stateFile());
        return stopped;
    }

    /**
     * Before installs had folders of their own, every local install shared {@code local/state} (and
     * {@code local/engine.json}). That data is the default install's ({@value #DEFAULT_INSTALL}, or the only local
     * install when there is no such one): it moves into that install's folder in place, and the engine still running
     * from the old layout is stopped first.
     */
    private void migrateLegacyData(LogListener listener) throws IOException {
        Path legacyData = home.local().resolve("state");
        Path legacyState = home.local().resolve("engine.json");
        if (!Files.exists(legacyData) && !Files.exists(legacyState)) return;
        if (!ownsLegacyData()) return;
        Optional<LocalEngineState> old = LocalEngineState.read(legacyState);
        if (old.isPresent()) {
            Optional<ProcessHandle> p = ours(old.get());
            if (p.isPresent()) {
                say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_STOPPING_LEGACY, Long.toString(p.get().pid())));
                ProcessTree.kill(p.get());
            }
        }
        Files.deleteIfExists(legacyState);
        if (Files.isDirectory(legacyData) && !Files.exists(dataFolder())) {
            AppHome.ensureDir(folder());
            Files.move(legacyData, dataFolder(), StandardCopyOption.ATOMIC_MOVE);
            AppHome.ownerOnly(folder());
            say(listener, LogLevel.INFO, Note.of(Note.Code.LOCAL_DATA_MOVED, dataFolder()));
        }
    }

    private boolean ownsLegacyData() {
        try {
            InstallConfigStore store = new InstallConfigStore(home);
            List<String> localInstalls = new ArrayList<>();
            for (String name : store.names()) {
                Optional<InstallConfig> c = store.find(name);
                if (c.isPresent() && c.get().target() == Target.LOCAL) localInstalls.add(name);
            }
            if (localInstalls.contains(DEFAULT_INSTALL)) return install.equals(DEFAULT_INSTALL);
            if (localInstalls.isEmpty()) return install.equals(DEFAULT_INSTALL); // a bare start of a fresh app
            return localInstalls.size() == 1 && localInstalls.getFirst().equals(install);
        } catch (RuntimeException e) {
            return false; // a damaged config: leave the old data where it is rather than give it to the wrong install
        }
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
        Optional<LocalEngineState.Proc> recorded = state.processes().stream().filter(p -> p.pid() == state.pid()).findFirst();
        if (recorded.isPresent() && recorded.get().live().isEmpty()) return Optional.empty();
        return ProcessHandle.of(state.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("wrangler")).orElse(true));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void say(LogListener listener, LogLevel level, Note note) {
        listener.accept(LogLine.note("local-engine", level, note));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException(Failure.of(Failure.Code.LOCAL_WAIT_INTERRUPTED), Advice.NONE);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** One start or stop at a time per data folder, across threads of this JVM and across processes. */
    private <T> T locked(IoAction<T> action) {
        home.secureRoot();
        Path dir = AppHome.ensureDir(folder());
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
        jvmLock.lock();
        try {
            Path lockFile = dir.resolve("engine.lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Local engine: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }
}
