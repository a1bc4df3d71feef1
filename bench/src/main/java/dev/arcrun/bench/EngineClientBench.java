package dev.arcrun.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.DeployedBundle;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import dev.arcrun.core.local.LocalEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Latency of the engine client against the real local engine (workerd), and of an atomic, fsynced config save.
 * Run: {@code java -cp … dev.arcrun.bench.EngineClientBench [iterations]} from the repository root.
 */
public final class EngineClientBench {
    private EngineClientBench() {}

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path home = Files.createTempDirectory("arcrun-bench-");
        LocalEngine local = new LocalEngine(new AppHome(home), ToolchainManager.forTests());
        long t0 = System.nanoTime();
        LocalEngine.Keys keys = LocalEngine.Keys.generate();
        String url = local.start(null, keys, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()).url();
        System.out.printf("local engine start (toolchain cached): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            try (EngineClient c = EngineClient.create(new EngineSettings(EngineSettings.parseUrl(url), keys.apiKey(), keys.encryptionKey()))) {
                c.workflows().push(new ObjectMapper().readTree(Path.of("engine/examples/hello.json").toFile()));
                var input = new ObjectMapper().readTree("{\"name\":\"Ada\"}");
                measure("GET /health", n, c::health);
                measure("credentials push (encrypt + POST)", n, () -> c.credentials().push("bench_token", Secret.of("value-123")));
                measure("credentials list", n, () -> c.credentials().list());
                measure("workflows run hello (3 steps, 2 WASM)", n, () -> c.workflows().run("hello", input));
            }
            InstallConfigStore store = new InstallConfigStore(new AppHome(home));
            InstallConfig config = InstallConfig.create("bench", Target.LOCAL).withEngineUrl(url)
                    .withDeployedBundle(new DeployedBundle("builtin", "0.1.0", "00", Instant.now()))
                    .withJournalEntry(new JournalEntry(JournalEntry.Kind.WORKER, "arcrun-registry", "arcrun-registry", Instant.now()));
            measure("config save (atomic, fsync)", n, () -> store.save(config));
            measure("config load", n, () -> store.load("bench"));
        } finally {
            local.stop();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(String what, int n, Op op) throws Exception {
        for (int i = 0; i < Math.min(20, n); i++) {
            op.run();
        }
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            op.run();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        System.out.printf("%-40s n=%d  p50 %.2f ms  p95 %.2f ms%n", what, n, ns[n / 2] / 1e6, ns[(int) (n * 0.95)] / 1e6);
    }
}
