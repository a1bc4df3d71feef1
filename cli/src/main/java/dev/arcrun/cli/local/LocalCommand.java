package dev.arcrun.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.cli.bundle.DownloadLine;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.LocalInstalls;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.local.LocalStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun local start|status|stop}: the engine of a local install (its bundle, data and keys). */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the arcrun engine on this computer (wrangler dev, bound to 127.0.0.1).",
        subcommands = {LocalCommand.Start.class, LocalCommand.Status.class, LocalCommand.Stop.class})
public final class LocalCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static LocalInstalls installs() {
        AppHome home = AppHome.resolve();
        return new LocalInstalls(home, SecretStores.open(home), new ToolchainManager(home.tools()));
    }

    /** Which local install; the only one when not given. */
    static final class Which {
        @Option(names = "--install", paramLabel = "NAME", description = "The local install (needed only when there are several).")
        String install;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the installed engine (or find it running) with its data and keys, and wait until it answers.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Which which = new Which();

        @Option(names = "--json", description = "Print {\"url\": …} on stdout; progress goes to stderr.")
        boolean json;

        @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the engine to answer (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter progress = json ? spec.commandLine().getErr() : out;
            // the first start on a computer without npm downloads Node.js and npm: bytes and rate as they come
            DownloadLine lines = new DownloadLine(progress, DownloadLine.onTerminal());
            Cancellation cancel = new Cancellation();
            Thread hook = new Thread(cancel::cancel);
            Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C stops a download or npm install; nothing half-done counts
            LocalStatus.Running running;
            try {
                running = installs().start(which.install, line -> lines.println(Words.current().line(line)), lines,
                        java.time.Duration.ofSeconds(timeoutSeconds), cancel);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
            if (json) {
                out.println(JSON.writeValueAsString(JSON.createObjectNode().put("url", running.url())));
            } else {
                out.println(Words.current().get("local.started", running.url()));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the engine runs, and where.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Which which = new Which();

        @Option(names = "--json", description = "Print {\"state\": running|stopped|unhealthy, \"url\", \"pid\", \"version\"}; "
                + "when unhealthy, \"reason\" is a stable code such as local_health_silent.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            LocalStatus status = installs().status(which.install);
            if (json) {
                ObjectNode node = JSON.createObjectNode();
                switch (status) {
                    case LocalStatus.Running r -> node.put("state", "running").put("url", r.url()).put("pid", r.pid()).put("version", r.version());
                    case LocalStatus.Unhealthy u -> node.put("state", "unhealthy").put("url", u.url()).put("pid", u.pid())
                            .put("reason", u.reason().code().id());
                    case LocalStatus.Stopped s -> node.put("state", "stopped");
                }
                out.println(JSON.writeValueAsString(node));
            } else {
                out.println(switch (status) {
                    case LocalStatus.Running r -> Words.current().get("local.running", r.url(), Long.toString(r.pid()), r.version());
                    case LocalStatus.Unhealthy u -> Words.current().get("local.unhealthy", Words.current().failure(u.reason()));
                    case LocalStatus.Stopped s -> Words.current().get("local.stopped");
                });
            }
            out.flush();
            return status instanceof LocalStatus.Unhealthy ? 1 : 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the engine and every process it started.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Which which = new Which();

        @Option(names = "--json", description = "Print {\"stopped\": true|false}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            boolean stopped = installs().stop(which.install);
            if (json) {
                out.println(JSON.writeValueAsString(JSON.createObjectNode().put("stopped", stopped)));
            } else {
                out.println(Words.current().get(stopped ? "local.stop.done" : "local.stop.not_running"));
            }
            out.flush();
            return 0;
        }
    }
}
