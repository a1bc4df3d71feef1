package dev.arcrun.cli.engine;

import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.Page;
import dev.arcrun.sdk.Secret;
import dev.arcrun.cli.UsageException;
import dev.arcrun.cli.i18n.Words;
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

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List stored credentials (names and dates, never values; the first 1,000 by name, --all for every one).")
    int list(@Option(names = "--json", description = "Print JSON only.") boolean json,
             @Option(names = "--all", description = "List every credential, page after page.") boolean all,
             @Option(names = "--prefix", paramLabel = "TEXT", description = "Only credentials whose name starts with TEXT.") String prefix,
             @Option(names = "--limit", paramLabel = "N", description = "At most N per page (1-1000).") Integer limit) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), Words.current().get("engine.limit_range"));
        }
        Page<CredentialInfo> page = engine.call(spec, c -> all
                ? new Page<>(c.credentials().all(limit, prefix), null, false) : c.credentials().page(limit, null, prefix));
        List<CredentialInfo> creds = page.items();
        PrintWriter out = spec.commandLine().getOut();
        Words words = Words.current();
        if (json) {
            Output.json(out, Output.fields("credentials", creds, "truncated", page.hasMore()));
            return 0;
        }
        if (creds.isEmpty() && prefix != null) {
            out.println(words.get("creds.none_with_prefix", prefix));
            return 0;
        }
        if (creds.isEmpty()) {
            out.println(words.get("creds.none"));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CredentialInfo c : creds) {
            rows.add(List.of(c.name(), Output.time(c.updatedAt())));
        }
        Output.table(out, List.of(words.get("table.name"), words.get("table.updated")), rows);
        if (page.hasMore()) out.println(words.get("creds.more"));
        return 0;
    }

    @Command(name = "push", mixinStandardHelpOptions = true, description = "Store a credential. The value is read from stdin (or asked for, hidden, at a terminal), "
                    + "never taken as an argument; it is encrypted before it leaves this computer.")
    int push(@Parameters(paramLabel = "NAME", description = "e.g. openai_api_key") String name) {
        // The engine is found before the secret is asked for, so nobody types a secret for nothing.
        if (!dev.arcrun.core.workflow.CredentialName.isValid(name)) { // the engine's rule, before a value is asked for
            throw new UsageException("creds.bad_name", name);
        }
        engine.run(spec, c -> c.credentials().push(name, Secret.of(SecretInput.one(Words.current().get("creds.prompt", name)))));
        spec.commandLine().getOut().println(Words.current().get("creds.pushed", name));
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored credential.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        engine.run(spec, c -> c.credentials().delete(name));
        spec.commandLine().getOut().println(Words.current().get("creds.deleted", name));
        return 0;
    }
}
