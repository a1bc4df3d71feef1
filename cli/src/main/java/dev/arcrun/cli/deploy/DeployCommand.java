package dev.arcrun.cli.deploy;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.DeployCredentials;
import dev.arcrun.core.deploy.DeployReport;
import dev.arcrun.core.deploy.DeployRunner;
import dev.arcrun.core.deploy.DeployTarget;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.deploy.WorkerOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arcrun deploy --dir DIR [--json]}: deploys the bundle's workers with the real wrangler, tier by tier, showing
 * wrangler's lines live. With {@code --json} the live lines go to stderr and stdout carries one JSON document.
 * Exit 0 only when every worker was deployed.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy the workers of an extracted engine bundle to Cloudflare with wrangler, in tier order.")
public final class DeployCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of the extracted bundle (resource ids already injected).")
    Path dir;

    @Option(names = "--json", description = "Print the outcome as one JSON document on stdout (live lines go to stderr).")
    boolean json;

    @picocli.CommandLine.Mixin
    dev.arcrun.cli.cloudflare.CfOptions cloudflare;

    private final Map<String, String> env;
    private final Supplier<AppHome> home;
    private final Function<AppHome, ToolchainManager> toolchains;

    public DeployCommand() {
        this(System.getenv(), AppHome::resolve, home -> new ToolchainManager(home.tools()));
    }

    /** For tests: a given environment, app folder and toolchain (e.g. {@link ToolchainManager#forTests()}). */
    DeployCommand(Map<String, String> env, Supplier<AppHome> home, Function<AppHome, ToolchainManager> toolchains) {
        this.env = env;
        this.home = home;
        this.toolchains = toolchains;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter live = json ? spec.commandLine().getErr() : out;
        DeployCredentials credentials = credentials();
        Path root = dir.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(root)) {
            throw new dev.arcrun.cli.i18n.CliProblem("deploy.no_folder", "deploy.give_dir", root);
        }
        List<DeployTarget> targets = DeployTarget.of(dev.arcrun.core.bundle.BundleDiscovery.discover(root));
        if (targets.isEmpty()) {
            throw new dev.arcrun.cli.i18n.CliProblem("deploy.no_worker", "deploy.give_dir", dir);
        }
        AppHome home = this.home.get();
        Words words = Words.current();
        Toolchain toolchain = toolchains.apply(home).ensure(line -> print(live, "[npm] " + words.line(line)));
        DeployRunner runner = new DeployRunner(toolchain, home, credentials);

        // Ctrl+C: stop wrangler and its children before the JVM goes, so nothing keeps running unseen.
        Cancellation cancellation = new Cancellation();
        Thread hook = new Thread(cancellation::cancel, "arcrun-deploy-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        DeployReport report;
        try {
            report = runner.deploy(targets, Map.of(), (LogLine line) -> print(live, "[" + line.worker() + "] " + words.line(line)), cancellation);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
        if (json) {
            out.println(DeployJson.render(report));
        } else {
            summary(out, report, words);
        }
        out.flush();
        return report.allDeployed() ? 0 : 1;
    }

    private static void print(PrintWriter w, String text) {
        synchronized (w) {
            w.println(text);
            w.flush();
        }
    }

    private static void summary(PrintWriter out, DeployReport report, Words words) {
        out.println();
        int width = report.workers().stream().mapToInt(w -> w.name().length()).max().orElse(10);
        for (WorkerOutcome w : report.workers()) {
            String detail = switch (w) {
                case WorkerOutcome.Deployed d -> words.get("deploy.worker.deployed", d.url().orElse(words.get("deploy.worker.no_url")))
                        + d.versionId().map(v -> words.get("deploy.worker.version", v)).orElse("");
                case WorkerOutcome.Failed f -> words.get("deploy.worker.failed", words.failure(f.reason()));
                case WorkerOutcome.NotRun n -> words.get("deploy.worker.not_run", words.failure(n.reason()));
            };
            out.printf("%-" + width + "s  %s%n", w.name(), detail);
        }
        out.println(words.get("deploy.full_log", report.logFile()));
    }

    /** Same sources and rules as {@code arcrun cf}: flags, then CLOUDFLARE_* variables; the only account when none is given. */
    private DeployCredentials credentials() {
        CloudflareSettings settings = CloudflareSettings.resolve(cloudflare.apiBase(), cloudflare.tokenFile(),
                cloudflare.account(), env);
        String accountId = settings.accountId().orElseGet(() -> {
            try (CloudflareClient client = new CloudflareClient(settings, CloudflareClient.Options.defaults())) {
                return client.resolveAccount(Optional.empty()).id();
            }
        });
        Optional<String> base = settings.apiBase().equals(CloudflareSettings.DEFAULT_API_BASE)
                ? Optional.empty() : Optional.of(settings.apiBase().toString());
        return new DeployCredentials(settings.token().secretValue(), accountId, base);
    }

}
