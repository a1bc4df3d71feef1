package dev.arcrun.cli.cloudflare;

import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the token: is it valid, which account, and does it hold every permission Arcrun needs.")
public final class CfVerifyCommand implements Callable<Integer> {

    @Mixin
    CfOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CloudflareSettings settings = options.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (CloudflareClient client = options.client(settings)) {
            TokenCheck token = CloudflareClient.requireActive(client.verifyToken(settings.accountId()));
            Account account = client.resolveAccount(settings.accountId());
            PermissionReport report = client.probePermissions(account.id(), token.kind());
            out.printf("Cloudflare API  %s%n", client.apiBase());
            out.printf("Token           %s %s (id %s)%n", token.status().label(), token.kind().label(),
                    token.tokenId());
            out.printf("Account         %s%n", account.name().isEmpty() ? account.id()
                    : account.name() + " (" + account.id() + ")");
            out.println("Permissions");
            for (PermissionReport.Check c : report.checks()) {
                String outcome = switch (c.outcome()) {
                    case GRANTED -> "granted";
                    case MISSING -> "MISSING";
                    case NOT_CHECKED -> "not checked";
                };
                out.printf("  %-12s %s%s%n", outcome, c.group().displayName(),
                        c.note().isEmpty() || c.outcome() == PermissionReport.Outcome.MISSING ? ""
                                : " (" + c.note() + ")");
            }
            out.flush();
            report.requireComplete();
            out.println("The token can install Arcrun.");
            return 0;
        }
    }
}
