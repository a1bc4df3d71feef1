package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.Words;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.cli.i18n.CliProblem;
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
            if (json) {
                List<String> preview = preview(config, Words.ENGLISH); // --json: the same whatever the locale
                ObjectNode doc = JSON.createObjectNode().put("name", config.name()).put("confirmed", false);
                doc.putArray("would_remove").addAll(preview.stream().map(JSON.getNodeFactory()::textNode).toList());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                preview(config, Words.current()).forEach(out::println);
            }
            out.flush();
            throw new CliProblem("uninstall.not_confirmed", "uninstall.not_confirmed.advice", config.name());
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
            throw new CliProblem("uninstall.incomplete", "uninstall.incomplete.advice", report.problems().size());
        }
        if (!json) {
            out.println(Words.current().get("uninstall.gone", config.name()));
            out.flush();
        }
        return 0;
    }

    /** What an uninstall of this install would remove, in words. */
    static List<String> preview(InstallConfig config, Words words) {
        List<String> lines = new ArrayList<>();
        if (config.target() == Target.LOCAL) {
            lines.add(words.get("uninstall.preview.local"));
        } else if (config.journal().isEmpty()) {
            lines.add(words.get(config.accountId() == null ? "uninstall.preview.nothing_no_account" : "uninstall.preview.nothing"));
        } else {
            lines.add(config.accountId() == null ? words.get("uninstall.preview.cloudflare_unknown")
                    : words.get("uninstall.preview.cloudflare", config.accountId()));
            config.journal().forEach(e -> lines.add("  " + kind(e, words) + " " + e.name()));
        }
        return lines;
    }

    private static String kind(JournalEntry e, Words words) {
        return words.get(switch (e.kind()) {
            case KV_NAMESPACE -> "uninstall.kind.kv_namespace";
            case R2_BUCKET -> "uninstall.kind.r2_bucket";
            case WORKER -> "uninstall.kind.worker";
        });
    }
}
