package dev.arcrun.bench;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.ProcessOutcome;
import dev.arcrun.core.deploy.ProcessRun;
import dev.arcrun.core.deploy.ProcessStreamer;
import dev.arcrun.core.deploy.Redactor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the deploy console's pipe runs: a child process prints {@value #LINES} lines as fast as it can (some
 * coloured, wrangler-like widths) and the {@link ProcessStreamer} hands them, ANSI-stripped and redacted against
 * three secrets, to a listener that only counts. Heap is sampled during the run to show memory stays bounded
 * (run it with a small heap, e.g. -Xmx32m: a streamer that buffered the output would fail).
 *
 * <pre>java -Xmx32m -cp … dev.arcrun.bench.LineStreamBench [rounds]</pre>
 */
public final class LineStreamBench {

    static final int LINES = 200_000;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--print")) {
            print(Integer.parseInt(args[1]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        List<String> command = List.of(java, "-Xshare:auto", "-cp", cp, LineStreamBench.class.getName(), "--print", Integer.toString(LINES));
        Redactor redactor = Redactor.of("tok-0123456789abcdef0123456789", "api-key-value-xyz", "enc-key-value-abc");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        System.out.printf("LineStreamBench: %,d lines per run, max heap %d MiB, %d rounds (first 2 are warm-up)%n",
                LINES, Runtime.getRuntime().maxMemory() >> 20, rounds);
        List<Double> streamRates = new ArrayList<>();
        List<Double> wholeRates = new ArrayList<>();
        long peakHeap = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicLong count = new AtomicLong();
            long[] firstAt = {0};
            long[] lastAt = {0};
            ProcessStreamer streamer = new ProcessStreamer(redactor, (LogLine line) -> {
                long now = System.nanoTime();
                if (count.getAndIncrement() == 0) firstAt[0] = now;
                lastAt[0] = now;
            });
            HeapSampler sampler = new HeapSampler(memory);
            Thread t = Thread.ofPlatform().daemon().start(sampler);
            long start = System.nanoTime();
            ProcessOutcome outcome = streamer.run(ProcessRun.of("bench", command, null).withTimeout(Duration.ofMinutes(2)), new Cancellation());
            long end = System.nanoTime();
            sampler.stop = true;
            t.join();
            if (!outcome.succeeded() || count.get() != LINES) {
                throw new IllegalStateException("child failed or lines lost: " + outcome + ", got " + count.get());
            }
            double stream = LINES / ((lastAt[0] - firstAt[0]) / 1e9);
            double whole = LINES / ((end - start) / 1e9);
            System.out.printf("  round %d: %,.0f lines/s while streaming, %,.0f lines/s including the child's start (%d ms), heap peak %d MiB%n",
                    round + 1, stream, whole, (end - start) / 1_000_000, sampler.peak >> 20);
            if (round >= 2) {
                streamRates.add(stream);
                wholeRates.add(whole);
                peakHeap = Math.max(peakHeap, sampler.peak);
            }
        }
        System.out.printf("median: %,.0f lines/s while streaming, %,.0f lines/s end to end; heap peak %d MiB%n",
                median(streamRates), median(wholeRates), peakHeap >> 20);
    }

    /** The child: prints as fast as it can, a coloured line every tenth like wrangler's. */
    private static void print(int n) throws IOException {
        OutputStream out = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                ps.print("\u001B[31m✘ \u001B[41;31m[\u001B[41;97mERROR\u001B[41;31m]\u001B[0m line ");
                ps.print(i);
                ps.print('\n');
            } else {
                ps.print("env.CREDENTIALS (0f1e2d3c4b5a69788796a5b4c3d2e1f0)                KV Namespace   line ");
                ps.print(i);
                ps.print('\n');
            }
        }
        ps.flush();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory;
        volatile boolean stop;
        volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
        }

        @Override
        public void run() {
            while (!stop) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
