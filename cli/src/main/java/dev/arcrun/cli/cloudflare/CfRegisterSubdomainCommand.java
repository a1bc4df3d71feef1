package dev.arcrun.cli.cloudflare;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
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
            throw new UserFacingException("'" + name + "' cannot be a workers.dev subdomain.",
                    "Use lowercase letters, digits and dashes, not starting or ending with a dash.");
        }
        CloudflareSettings settings = options.settings();
        try (CloudflareClient client = options.client(settings)) {
            CloudflareClient.requireActive(client.verifyToken(settings.accountId()));
            Account account = client.resolveAccount(settings.accountId());
            var existing = client.workersSubdomain(account.id());
            if (existing.isPresent()) {
                throw new UserFacingException("The account already has the subdomain " + existing.get()
                        + ".workers.dev.", "Nothing to do; change it on Cloudflare's dashboard if you must.");
            }
            String registered = client.registerSubdomain(account.id(), name);
            spec.commandLine().getOut().println("Registered " + registered + ".workers.dev");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
