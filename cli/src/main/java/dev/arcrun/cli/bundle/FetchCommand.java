package dev.arcrun.cli.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arcrun.core.bundle.BundleExtractor;
import dev.arcrun.core.bundle.BundleFetcher;
import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.bundle.FetchedBundle;
import dev.arcrun.core.bundle.Worker;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.cli.i18n.Words;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download (if needed), extract safely and list the workers of a bundle.")
public final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SRC",
            description = "builtin, OWNER/REPO@REF (or github:OWNER/REPO@REF), an https URL of a .tar.gz, or a local file.")
    String source;

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Folder to extract into (new or empty).")
    Path dest;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected sha256 of the archive; a mismatch installs nothing.")
    String sha256;

    @Option(names = "--replace", description = "Replace DIR if it is not empty (only once the new bundle is complete).")
    boolean replace;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final AppHome home;

    public FetchCommand() {
        this(AppHome.resolve());
    }

    FetchCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() throws Exception {
        BundleSource src = BundleSource.parse(source);
        PrintWriter out = spec.commandLine().getOut();
        Cancellation cancel = new Cancellation();
        Thread hook = new Thread(cancel::cancel);
        Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C stops the download and removes the partial files
        FetchedBundle f;
        try {
            f = new BundleFetcher(AppHome.ensureDir(home.cache())).fetch(src, dest, sha256,
                    replace ? BundleExtractor.Existing.REPLACE : BundleExtractor.Existing.REFUSE,
                    ProgressLine.forTerminal(spec.commandLine().getErr()), cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        if (json) {
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(f)));
        } else {
            printSummary(out, f, Words.current());
        }
        out.flush();
        return 0;
    }

    /** The shape issue 3 gives: {"sha256","version","workers":[{"name","path","tier","kv","r2","services"}]}. */
    static Map<String, Object> toJson(FetchedBundle f) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sha256", f.sha256());
        root.put("version", f.bundle().version().orElse(null));
        List<Map<String, Object>> workers = f.bundle().workers().stream().map(FetchCommand::toJson).toList();
        root.put("workers", workers);
        return root;
    }

    private static Map<String, Object> toJson(Worker w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("path", w.path());
        m.put("tier", w.tier());
        m.put("kv", w.kv());
        m.put("r2", w.r2());
        m.put("services", w.services().values().stream().distinct().sorted().toList());
        return m;
    }

    static void printSummary(PrintWriter out, FetchedBundle f, Words words) {
        out.println(words.get("fetch.bundle_in", f.bundle().root()));
        out.println("sha256   " + f.sha256());
        f.bundle().version().ifPresent(v -> out.println(words.get("fetch.version", v)));
        out.println(words.get("fetch.workers"));
        for (Worker w : f.bundle().workers()) {
            StringBuilder sb = new StringBuilder("  " + words.get("fetch.worker", String.valueOf(w.tier()), w.name(),
                    w.path().isEmpty() ? "." : w.path()));
            if (!w.kv().isEmpty()) {
                sb.append("  kv: ").append(String.join(", ", w.kv()));
            }
            if (!w.r2().isEmpty()) {
                sb.append("  r2: ").append(String.join(", ", w.r2()));
            }
            if (!w.services().isEmpty()) {
                sb.append("  ").append(words.get("fetch.binds")).append(" ").append(String.join(", ", w.services().values().stream().distinct().sorted().toList()));
            }
            out.println(sb);
        }
    }
}
