package dev.arcrun.cli.engine;

import dev.arcrun.cli.UsageException;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.sdk.HostPort;
import dev.arcrun.sdk.Settings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The engine's own settings: which addresses on this computer or a private network workflows may reach. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = {"The engine's settings. Without a subcommand: show them.",
                "Workflows may not reach this computer or a private network (127.0.0.1, 10.x, 192.168.x, localhost, …) "
                        + "unless its host:port is allowed here."},
        subcommands = SettingsCommand.AllowPrivateHost.class)
public final class SettingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineOptions engine;
    @Option(names = "--json", description = "Print {\"allow_private_hosts\": [...]} only.") boolean json;

    @Override
    public Integer call() {
        return show(json);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the engine's settings.")
    int show(@Option(names = "--json", description = "Print {\"allow_private_hosts\": [...]} only.") boolean asJson) {
        print(engine.call(spec, c -> c.engineSettings().get()), asJson || json, null);
        return 0;
    }

    /** {@code settings allow-private-host add|remove HOST:PORT}. */
    @Command(name = "allow-private-host", mixinStandardHelpOptions = true,
            description = "Allow workflows to reach one host:port on this computer or a private network, or take that back.")
    static final class AllowPrivateHost {
        @Spec CommandSpec spec;

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Allow workflows to reach HOST:PORT.")
        int add(@Parameters(paramLabel = "HOST:PORT", description = "e.g. 127.0.0.1:8080 or [::1]:8080") String entry,
                @Option(names = "--json", description = "Print the settings as JSON only.") boolean json) {
            HostPort host = hostPort(entry);
            SettingsCommand settings = parent(spec);
            Settings before = settings.engine.call(spec, c -> c.engineSettings().get());
            boolean already = before.allowPrivateHosts().contains(host.toString());
            Settings after = already ? before : settings.engine.call(spec, c -> c.engineSettings().allowPrivateHost(host));
            settings.print(after, json, Words.current().get(already ? "settings.already" : "settings.added", host.toString()));
            return 0;
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "No longer allow workflows to reach HOST:PORT.")
        int remove(@Parameters(paramLabel = "HOST:PORT") String entry,
                   @Option(names = "--json", description = "Print the settings as JSON only.") boolean json) {
            HostPort host = hostPort(entry);
            SettingsCommand settings = parent(spec);
            Settings before = settings.engine.call(spec, c -> c.engineSettings().get());
            boolean listed = before.allowPrivateHosts().contains(host.toString());
            Settings after = listed ? settings.engine.call(spec, c -> c.engineSettings().disallowPrivateHost(host)) : before;
            settings.print(after, json, Words.current().get(listed ? "settings.removed" : "settings.not_listed", host.toString()));
            return 0;
        }

        private static SettingsCommand parent(CommandSpec spec) {
            // a method subcommand's spec sits under this class's spec, which sits under `settings`
            CommandSpec s = spec;
            while (!(s.userObject() instanceof SettingsCommand)) {
                s = s.parent();
            }
            return (SettingsCommand) s.userObject();
        }
    }

    static HostPort hostPort(String entry) {
        return HostPort.parse(entry).orElseThrow(() -> new UsageException("settings.not_host_port", entry));
    }

    private void print(Settings s, boolean asJson, String change) {
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            Output.json(out, Map.of("allow_private_hosts", s.allowPrivateHosts()));
            return;
        }
        Words words = Words.current();
        if (change != null) {
            out.println(change);
        }
        if (s.allowPrivateHosts().isEmpty()) {
            out.println(words.get("settings.none"));
            out.println(words.get("settings.none.next"));
        } else {
            out.println(words.get("settings.some"));
            s.allowPrivateHosts().forEach(h -> out.println("  " + h));
        }
        out.flush();
    }
}
