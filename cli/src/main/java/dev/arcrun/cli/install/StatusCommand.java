package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineException;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.StepId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arcrun status}: each install's target, engine URL, bundle version and whether it answers. Exits 1 when an
 * install's engine does not answer, so scripts can rely on it; unfinished installs say the step they stopped at.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the installs on this computer and whether their engines answer (exit 1 if one does not).")
public final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    InstallName install;

    @Option(names = "--json", description = "Print JSON on stdout, always {\"installs\": [...]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        InstallConfigStore store = new InstallConfigStore(home);
        String only = install.name();
        List<InstallConfig> installs = only != null ? List.of(store.load(only))
                : store.names().stream().map(store::load).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Map<String, EngineException> unreachable = new java.util.HashMap<>();
        List<ObjectNode> nodes = installs.stream().map(c -> describe(c, e -> unreachable.put(c.name(), e))).toList();
        // --json keeps its fixed English title; people read the step in their own language
        dev.arcrun.cli.i18n.Words words = dev.arcrun.cli.i18n.Words.current();
        if (json) {
            ObjectNode doc = JSON.createObjectNode();
            doc.set("installs", JSON.valueToTree(nodes));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else if (installs.isEmpty()) {
            out.println(words.get("status.none"));
        } else {
            for (int i = 0; i < nodes.size(); i++) {
                ObjectNode n = nodes.get(i);
                Optional<StepId> stopped = Installer.stoppedAt(installs.get(i));
                // the values stay as --json gives them (health, the step's key); the labels are in the user's language
                out.println(words.get("status.install", n.path("name").asText(), n.path("target").asText()));
                out.println(words.get("status.engine", n.path("engine_url").asText("-")));
                out.println(words.get("status.version", n.path("version").asText("-")));
                // why it does not answer in the user's words (--json keeps the SDK's English detail)
                EngineException why = unreachable.get(installs.get(i).name());
                out.println(words.get("status.health", words.get(healthKey(n.path("health").asText()))
                        + (why != null ? " — " + words.failure(dev.arcrun.core.engineclient.SdkFailures.facts(why).failure())
                        : n.hasNonNull("health_detail") ? " — " + n.path("health_detail").asText() : "")));
                if (stopped.isPresent()) {
                    out.println(words.get("status.stopped_at", n.path("stopped_at").asText(), words.step(stopped.get())));
                }
                if (n.hasNonNull("next")) {
                    out.println(words.get("status.next", next(installs.get(i), words)));
                }
            }
        }
        out.flush();
        List<ObjectNode> down = nodes.stream().filter(n -> n.path("health").asText().equals("unreachable")).toList();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).path("health").asText().equals("unreachable")) {
                err.println(words.get("status.down", installs.get(i).name(), next(installs.get(i), words)));
            }
        }
        err.flush();
        return down.isEmpty() ? 0 : 1;
    }

    private static String healthKey(String health) {
        return switch (health) {
            case "ok" -> "status.health.ok";
            case "unhealthy" -> "status.health.unhealthy";
            case "unreachable" -> "status.health.unreachable";
            default -> "status.health.unfinished";
        };
    }

    /** What to do next, in the user's language (--json keeps its English "next"). */
    private static String next(InstallConfig c, dev.arcrun.cli.i18n.Words words) {
        String target = c.target().name().toLowerCase(Locale.ROOT);
        if (Installer.stoppedAt(c).isPresent()) {
            return words.get("status.next.unfinished", target, c.name());
        }
        return words.get(c.target() == Target.LOCAL ? "status.next.start_local" : "status.next.cloudflare_down", c.name());
    }

    static ObjectNode describe(InstallConfig c) {
        return describe(c, e -> { });
    }

    /** @param down told why the engine did not answer, when it did not */
    private static ObjectNode describe(InstallConfig c, java.util.function.Consumer<EngineException> down) {
        ObjectNode n = JSON.createObjectNode();
        String target = c.target().name().toLowerCase(Locale.ROOT);
        n.put("name", c.name()).put("target", target).put("engine_url", c.engineUrl());
        n.put("version", c.bundle() == null ? null : c.bundle().version());
        Optional<StepId> stopped = Installer.stoppedAt(c);
        n.put("complete", stopped.isEmpty());
        if (stopped.isPresent()) {
            n.put("health", "unfinished").put("stopped_at", RunReport.key(stopped.get()))
                    .put("stopped_at_title", dev.arcrun.cli.i18n.Words.ENGLISH.step(stopped.get()))
                    .put("next", "finish it with `arcrun install --target " + target + " --resume --name " + c.name() // --json: fixed English
                            + "`, or remove it with `arcrun uninstall --install " + c.name() + " --confirm " + c.name() + "`"); // --json: fixed English
            return n;
        }
        try (var client = new EngineClient(new EngineSettings(EngineSettings.parseUrl(c.engineUrl()), null, null),
                Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            var h = client.health();
            n.put("health", h.ok() ? "ok" : "unhealthy").put("engine_version", h.version());
        } catch (EngineException e) {
            down.accept(e);
            n.put("health", "unreachable").put("health_detail", e.getMessage());
            n.put("next", c.target() == Target.LOCAL ? "Start it with `arcrun local start`." // --json: fixed English
                    : "A new workers.dev address can take a few minutes to answer: check again with `arcrun status`; " // --json: fixed English
                            + "if it stays down, redeploy with `arcrun update --install " + c.name() + "`."); // --json: fixed English
        }
        return n;
    }
}
