package dev.arcrun.cli.cloudflare;

import dev.arcrun.cli.i18n.CliProblem;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "register-subdomain", mixinStandardHelpOptions = true,
        description = "Register NAME.workers.dev for the account (only when it has none yet).")
public final class CfRegisterSubdomainCommand implements Callable<Integer> {

    @Mixin
    CfOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The subdomain: lowercase letters, digits and dashes.")
    String name;

    @Override
    public Integer call() {
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new CliProblem("subdomain.invalid", "subdomain.invalid.advice", name);
        }
        try (CfOptions.Session session = options.connect()) {
            CloudflareClient client = session.client();
            Account account = session.account();
            var existing = client.workersSubdomain(account.id());
            if (existing.isPresent()) {
                throw new CliProblem("subdomain.exists", "subdomain.exists.advice", existing.get());
            }
            String registered = client.registerSubdomain(account.id(), name);
            spec.commandLine().getOut().println(Words.current().get("subdomain.registered", registered));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
