package dev.arcrun.cli.engine;

import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.Secret;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "creds", mixinStandardHelpOptions = true,
        description = "Credentials stored (encrypted) in the engine. Values are never shown.")
public final class CredsCommand {
    @Spec CommandSpec spec;
    @Mixin EngineOptions engine;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored credentials (names and dates, never values).")
    int list(@Option(names = "--json", description = "Print JSON only.") boolean json) {
        List<CredentialInfo> creds = engine.call(spec, c -> c.credentials().list());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, java.util.Map.of("credentials", creds));
            return 0;
        }
        if (creds.isEmpty()) {
            out.println("No credentials stored. Add one with: arcrun creds push NAME  (value on stdin)");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CredentialInfo c : creds) {
            rows.add(List.of(c.name(), Output.time(c.updatedAt())));
        }
        Output.table(out, List.of("NAME", "UPDATED"), rows);
        return 0;
    }

    @Command(name = "push", mixinStandardHelpOptions = true, description = "Store a credential. The value is read from stdin (or asked for, hidden, at a terminal), "
                    + "never taken as an argument; it is encrypted before it leaves this computer.")
    int push(@Parameters(paramLabel = "NAME", description = "e.g. openai_api_key") String name) {
        // The engine is found before the secret is asked for, so nobody types a secret for nothing.
        engine.run(spec, c -> c.credentials().push(name, Secret.of(SecretInput.one("Value for " + name))));
        spec.commandLine().getOut().println("Stored credential " + name + " (encrypted).");
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored credential.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        engine.run(spec, c -> c.credentials().delete(name));
        spec.commandLine().getOut().println("Deleted credential " + name + ".");
        return 0;
    }
}
