package dev.arcrun.cli.cloudflare;

import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenCheck;
import dev.arcrun.cli.i18n.Words;
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

    @picocli.CommandLine.Option(names = "--json", description = "Print the token, account and each permission as JSON only.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CfOptions.Session session = options.connect()) {
            CloudflareClient client = session.client();
            TokenCheck token = session.token();
            Account account = session.account();
            PermissionReport report = session.permissions();
            if (json) {
                return printJson(out, client, token, account, report);
            }
            Words words = Words.current();
            out.println(words.get("verify.api", client.apiBase()));
            // the values in words (--json keeps Cloudflare's labels)
            out.println(words.get("verify.token", words.get(switch (token.status()) {
                        case ACTIVE -> "verify.status.active";
                        case EXPIRED -> "verify.status.expired";
                        case DISABLED -> "verify.status.disabled";
                    }),
                    words.core().get(token.kind() == TokenCheck.Kind.USER ? "token.kind.user" : "token.kind.account"),
                    token.tokenId()));
            out.println(words.get("verify.account", account.name().isEmpty() ? account.id()
                    : words.get("verify.account_named", account.name(), account.id())));
            out.println(words.get("verify.permissions"));
            for (PermissionReport.Check c : report.checks()) {
                String outcome = words.get(switch (c.outcome()) {
                    case GRANTED -> "verify.granted";
                    case MISSING -> "verify.missing";
                    case NOT_CHECKED -> "verify.not_checked";
                });
                out.printf("  %-12s %s%s%n", outcome, c.group().displayName(),
                        c.note().isEmpty() || c.outcome() == PermissionReport.Outcome.MISSING ? ""
                                : " (" + words.note(c.note().get()) + ")");
            }
            out.flush();
            report.requireComplete();
            out.println(words.get("verify.can_install"));
            return 0;
        }
    }

    private static int printJson(PrintWriter out, CloudflareClient client, TokenCheck token, Account account,
                                 PermissionReport report) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = mapper.createObjectNode();
        doc.put("api", client.apiBase().toString());
        doc.putObject("token").put("id", token.tokenId()).put("kind", token.kind().label()).put("status", token.status().label());
        doc.putObject("account").put("id", account.id()).put("name", account.name());
        var perms = doc.putArray("permissions");
        boolean complete = true;
        for (PermissionReport.Check c : report.checks()) {
            perms.addObject().put("permission", c.group().displayName())
                    .put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT)).put("note", c.note().map(dev.arcrun.cli.i18n.Words.ENGLISH::note).orElse(""));
            complete &= c.outcome() != PermissionReport.Outcome.MISSING;
        }
        doc.put("can_install", complete);
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
        report.requireComplete(); // a missing permission still exits 1, with its one line on stderr
        return 0;
    }
}
