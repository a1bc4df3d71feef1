package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.Words;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Uninstaller;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun uninstall --confirm NAME}: remove what the install created, and nothing else. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Delete the workers, KV namespaces and bucket this install created (nothing else in the account),",
                "then its config and keys. Stored credentials, workflows and runs are lost. Needs --confirm NAME."})
public final class UninstallCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    InstallName install;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The install's name, to confirm (see 'arcrun status').")
    String confirm;

    @Option(names = "--json", description = "Print one JSON document on stdout: what would be or was removed.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        InstallConfig config = InstallSelection.pick(new InstallConfigStore(home), install.name());
        PrintWriter out = spec.commandLine().getOut();
        if (confirm == null) {
            List<String> preview = preview(config);
            if (json) {
                ObjectNode doc = JSON.createObjectNode().put("name", config.name()).put("confirmed", false);
                doc.putArray("would_remove").addAll(preview.stream().map(JSON.getNodeFactory()::textNode).toList());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                preview.forEach(out::println);
            }
            out.flush();
            throw new UserFacingException("Nothing was deleted: uninstalling cannot be undone.",
                    "To go ahead, run: arcrun uninstall --install " + config.name() + " --confirm " + config.name());
        }
        var report = new Uninstaller(home, InstallEnvironment.secrets(home), InstallEnvironment.env())
                .uninstall(config.name(), confirm, InstallListener.NONE);
        if (json) {
            ObjectNode doc = JSON.createObjectNode().put("name", config.name()).put("confirmed", true)
                    .put("complete", report.complete());
            // English and codes, whatever the locale
            doc.putArray("removed").addAll(report.removed().stream().map(n -> JSON.getNodeFactory().textNode(Words.ENGLISH.note(n))).toList());
            doc.putArray("not_removed").addAll(report.problems().stream().map(f -> JSON.getNodeFactory().textNode(Words.ENGLISH.failure(f))).toList());
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            report.removed().forEach(r -> out.println(Words.current().get("uninstall.removed", Words.current().note(r))));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (!json) {
            report.problems().forEach(p -> err.println(Words.current().get("uninstall.not_removed", Words.current().failure(p))));
            err.flush();
        }
        if (!report.complete()) {
            throw new UserFacingException("The uninstall is incomplete: " + report.problems().size() + " thing(s) remain.",
                    "Fix the cause shown above and run the same command again; what was removed is not tried again.");
        }
        if (!json) {
            out.println("The install '" + config.name() + "' is gone.");
            out.flush();
        }
        return 0;
    }

    /** What an uninstall of this install would remove, in words. */
    static List<String> preview(InstallConfig config) {
        List<String> lines = new ArrayList<>();
        if (config.target() == Target.LOCAL) {
            lines.add("This would stop the engine on this computer and delete its data (credentials, workflows, runs).");
        } else if (config.journal().isEmpty()) {
            lines.add("The install created nothing in Cloudflare"
                    + (config.accountId() == null ? " (the account is not known yet: it stopped before the token check)" : "")
                    + ", so Cloudflare is not asked; this would remove only its record and keys on this computer.");
        } else {
            lines.add("This would delete from Cloudflare account "
                    + (config.accountId() == null ? "(the account is not known yet)" : config.accountId()) + ":");
            config.journal().forEach(e -> lines.add("  " + kind(e) + " " + e.name()));
        }
        return lines;
    }

    private static String kind(JournalEntry e) {
        return e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
