package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.engineclient.EngineClient;
import dev.arcrun.core.engineclient.EngineException;
import dev.arcrun.core.engineclient.EngineSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun status}: each install's target, engine URL, bundle version and whether it answers. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the installs on this computer and whether their engines answer.")
public final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Only this install.")
    String name;

    @Option(names = "--json", description = "Print JSON: one install as an object, several as {\"installs\": [...]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        InstallConfigStore store = new InstallConfigStore(home);
        List<InstallConfig> installs = name != null ? List.of(store.load(name))
                : store.names().stream().map(store::load).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (installs.isEmpty()) {
            if (json) {
                ObjectNode none = JSON.createObjectNode();
                none.putArray("installs");
                out.println(JSON.writeValueAsString(none));
            } else {
                out.println("No arcrun install on this computer yet. Start with: arcrun install --target local");
            }
            out.flush();
            return 0;
        }
        List<ObjectNode> nodes = installs.stream().map(StatusCommand::describe).toList();
        if (json) {
            Object doc = nodes.size() == 1 ? nodes.getFirst() : JSON.createObjectNode().set("installs", JSON.valueToTree(nodes));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            for (ObjectNode n : nodes) {
                out.printf(Locale.ROOT, "%s (%s)%n  engine:  %s%n  version: %s%n  health:  %s%n", n.path("name").asText(),
                        n.path("target").asText(), n.path("engine_url").asText("-"), n.path("version").asText("-"),
                        n.path("health").asText() + (n.hasNonNull("health_detail") ? " — " + n.path("health_detail").asText() : ""));
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode describe(InstallConfig c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", c.name()).put("target", c.target().name().toLowerCase(Locale.ROOT)).put("engine_url", c.engineUrl());
        n.put("version", c.bundle() == null ? null : c.bundle().version());
        n.put("complete", c.bundle() != null);
        if (c.engineUrl() == null) {
            n.put("health", "not-installed");
            return n;
        }
        try (var client = new EngineClient(new EngineSettings(EngineSettings.parseUrl(c.engineUrl()), null, null),
                Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            var h = client.health();
            n.put("health", h.ok() ? "ok" : "unhealthy").put("engine_version", h.version());
        } catch (EngineException e) {
            n.put("health", "unreachable").put("health_detail", e.getMessage());
        }
        return n;
    }
}
