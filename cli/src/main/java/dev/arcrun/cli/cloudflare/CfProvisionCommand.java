package dev.arcrun.cli.cloudflare;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.cli.i18n.Columns;
import dev.arcrun.cli.i18n.Words;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create the KV namespaces and R2 bucket the engine needs; existing ones are reused.")
public final class CfProvisionCommand implements Callable<Integer> {

    @Mixin
    CfOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only show what would be created.")
    boolean dryRun;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = ResourceManifest.DEFAULT_PREFIX,
            description = "Prefix of every namespace title and bucket name (default: ${DEFAULT-VALUE}); "
                    + "lets two installs share one account.")
    String prefix;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ResourceManifest manifest = ResourceManifest.standard(prefix);
        PrintWriter out = spec.commandLine().getOut();
        try (CfOptions.Session session = options.connect()) {
            String accountId = session.account().id();
            // Check every permission first, so a missing one stops us before anything is half created.
            session.permissions().requireComplete();
            ProvisionResult result = new Provisioner(session.client()).ensure(accountId, manifest, dryRun);
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson()));
                if (result.subdomain().isEmpty()) {
                    spec.commandLine().getErr().println(noSubdomainHint());
                }
            } else {
                printTable(out, result);
            }
            out.flush();
            return 0;
        }
    }

    private void printTable(PrintWriter out, ProvisionResult result) {
        Words words = Words.current();
        out.println(words.get(dryRun ? "provision.account_dry_run" : "provision.account", result.accountId()));
        String row = "%-5s %-19s %-28s %-33s %s%n";
        // the header padded as a terminal shows it (printf would count a Chinese character as one column)
        out.println(Columns.pad(words.get("table.kind"), 6) + Columns.pad(words.get("table.binding"), 20)
                + Columns.pad(words.get("table.name"), 29) + Columns.pad("ID", 34) + words.get("table.action"));
        for (ProvisionResult.KvResult k : result.kv()) {
            out.printf(row, "kv", k.binding(), k.title(), k.id().orElse("-"), k.action().json());
        }
        for (ProvisionResult.R2Result b : result.r2()) {
            out.printf(row, "r2", b.binding(), b.name(), "-", b.action().json());
        }
        out.println(result.subdomain().map(s -> words.get("provision.subdomain", s))
                .orElse(words.get("provision.subdomain_none", noSubdomainHint())));
    }

    private static String noSubdomainHint() {
        return Words.current().get("provision.no_subdomain");
    }
}
