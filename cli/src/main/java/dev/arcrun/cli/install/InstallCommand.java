package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.i18n.CliProblem;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun install}: the whole pipeline, to Cloudflare or to this computer. */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Install the arcrun engine into your Cloudflare account or on this computer.",
                "For Cloudflare the API token comes from $CLOUDFLARE_API_TOKEN or --token-file, never the command line."})
public final class InstallCommand implements Callable<Integer> {
    /** --json never depends on the user's locale. */
    private static final Messages ENGLISH = new Messages(Locale.ROOT);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "cloudflare|local",
            description = "Where the engine runs: 'local' (this computer, no account needed) or 'cloudflare'. "
                    + "Not needed with --resume.")
    String target;

    @Option(names = "--source", paramLabel = "SRC",
            description = {"builtin (default), github:OWNER/REPO@REF, an https URL of a .tar.gz, or a local .tar.gz file.",
                    "With --resume: the earlier run's source unless given; a different or changed engine is fetched again."})
    String source;

    @Option(names = "--prefix", paramLabel = "P", description = "Prefix of the KV namespaces, the bucket and the worker names, so two installs can share an account (default arcrun-).")
    String prefix;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of this install (default: local, or cloudflare).")
    String name;

    @Option(names = "--resume", description = "Continue an install that failed or was stopped, after its last finished step.")
    boolean resume;

    @Option(names = "--dry-run", description = "Show what would be created, reused and deployed; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document on stdout; progress goes to stderr.")
    boolean json;

    @Option(names = "--no-wait", description = "Do not wait for a new Cloudflare engine to answer; ask it once.")
    boolean noWait;

    @picocli.CommandLine.Mixin
    dev.arcrun.cli.cloudflare.CfOptions cloudflare;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        prefix = normalizePrefix(prefix);
        if (resume && name == null && prefix == null) {
            name = ResumeChoice.pick(new InstallConfigStore(home), target == null ? null : parseTarget(spec, target));
        }
        if (target == null) {
            var existing = name == null ? java.util.Optional.<dev.arcrun.core.config.InstallConfig>empty()
                    : new InstallConfigStore(home).find(name);
            if (!resume || existing.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        Words.current().get("install.missing_target"));
            }
            target = existing.get().target().name().toLowerCase(Locale.ROOT);
        }
        Target t = parseTarget(spec, target);
        InstallOptions options = new InstallOptions(t, name, source, prefix, cloudflare.apiBase(),
                cloudflare.tokenFile(), cloudflare.account(), resume, dryRun);
        if (prefix != null) {
            // The install's recorded prefix names its resources; another one for the same install would be ignored.
            new InstallConfigStore(home).find(options.name()).map(c -> c.resources().prefix())
                    .filter(recorded -> recorded != null && !recorded.equals(options.prefix())).ifPresent(recorded -> {
                        throw new CliProblem("install.prefix_taken", "install.prefix_taken.advice", options.name(),
                                recorded, options.prefix());
                    });
        }
        if (dryRun) {
            return printPlan(home, options);
        }
        Installer installer = InstallEnvironment.installer(home, noWait);
        InstallOptions chosen = resume && source == null
                ? installer.fetchedSource(options.name()).map(options::withSource).orElse(options) : options;
        String again = "arcrun install --resume --name " + options.name();
        return PipelineRunner.run(spec, json, again, listener -> installer.install(chosen, listener));
    }

    private int printPlan(AppHome home, InstallOptions options) throws Exception {
        var items = new DryRun(home, InstallEnvironment.secrets(home), InstallEnvironment.toolchains(home), InstallEnvironment.env())
                .plan(options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var root = JSON.createObjectNode().put("name", options.name()).put("target", target.toLowerCase(Locale.ROOT))
                    .put("dry_run", true);
            var arr = root.putArray("plan");
            items.forEach(i -> {
                var item = arr.addObject().put("step", RunReport.key(i.step())).put("code", i.action().code())
                        .put("action", ENGLISH.render(i.action())).put("blocking", i.action().blocking());
                var args = item.putArray("args");
                i.action().args().forEach(v -> args.add(String.valueOf(v)));
            });
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            Words words = Words.current();
            out.println(words.get("install.dry_run", options.name()));
            Messages messages = words.core();
            items.forEach(i -> out.println("  " + String.format(Locale.ROOT, "%-10s", RunReport.key(i.step())) + " "
                    + (i.action().blocking() ? "✗ " : "") + messages.render(i.action())));
        }
        out.flush();
        return 0;
    }

    /** {@code team2} and {@code team2-} are the same prefix: resources are always named {@code team2-…}. */
    static String normalizePrefix(String p) {
        if (p == null || p.isBlank()) {
            return null;
        }
        String t = p.strip();
        return t.endsWith("-") || t.endsWith("_") ? t : t + "-";
    }

    static Target parseTarget(CommandSpec spec, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "cloudflare" -> Target.CLOUDFLARE;
            case "local" -> Target.LOCAL;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    Words.current().get("install.bad_target", text));
        };
    }
}
