package dev.arcrun.bench;

import dev.arcrun.core.bundle.BundleExtractor;
import dev.arcrun.core.bundle.BundleExtractor.Limits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Extraction throughput of {@link BundleExtractor} against GNU {@code tar xzf} on the same ~100 MB .tar.gz of many
 * small files, side by side (alternating rounds, same disk, page cache warm for both), plus the extractor's peak heap.
 * Run with a small heap to show memory stays bounded, e.g.
 * {@code java -Xmx64m -cp … dev.arcrun.bench.ExtractBench [--mb 100] [--rounds 5] [--dir /tmp/bench]}.
 */
public final class ExtractBench {

    public static void main(String[] args) throws Exception {
        int mb = 100;
        int rounds = 5;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mb" -> mb = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: ExtractBench [--mb N] [--rounds N] [--dir DIR]");
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        Path work = dir == null ? Files.createTempDirectory("extract-bench") : Files.createDirectories(dir);
        Path archive = work.resolve("bundle.tar.gz");
        long[] gen = generate(archive, mb * 1024L * 1024L);
        long content = gen[0];
        int files = (int) gen[1];
        System.out.printf(Locale.ROOT, "archive: %d files, %.1f MB of content, %.1f MB gzip'd (%s)%n", files,
                content / 1e6, Files.size(archive) / 1e6, archive);
        System.out.printf(Locale.ROOT, "java %s, max heap %d MB, %d cpus%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        List<Timing> tar = new ArrayList<>();
        List<Timing> ours = new ArrayList<>();
        List<Timing> oursSerial = new ArrayList<>();
        long peak = 0;
        // round 0 warms up the JIT and the page cache and is not counted
        for (int r = 0; r <= rounds; r++) {
            // Alternate who goes first: on a real disk the run after a large delete is slower.
            Timing t = r % 2 == 0 ? timeGnuTar(archive, work.resolve("gnu")) : null;
            resetPeaks();
            Timing o = timeOurs(archive, work.resolve("ours"), true);
            long p = heapPeak();
            Timing s = timeOurs(archive, work.resolve("serial"), false);
            if (t == null) {
                t = timeGnuTar(archive, work.resolve("gnu"));
            }
            if (r > 0) {
                tar.add(t);
                ours.add(o);
                oursSerial.add(s);
                peak = Math.max(peak, p);
            }
            System.out.printf(Locale.ROOT, "round %d%s: GNU tar %s, arcrun %s, arcrun without read-ahead %s%n",
                    r, r == 0 ? " (warm-up)" : "", t, o, s);
        }
        double tm = median(tar.stream().map(Timing::wall).toList());
        double om = median(ours.stream().map(Timing::wall).toList());
        double sm = median(oursSerial.stream().map(Timing::wall).toList());
        System.out.printf(Locale.ROOT, "median wall: GNU tar %.3f s (%.0f MB/s), arcrun %.3f s (%.0f MB/s), without read-ahead %.3f s (%.0f MB/s)%n",
                tm, content / 1e6 / tm, om, content / 1e6 / om, sm, content / 1e6 / sm);
        System.out.printf(Locale.ROOT, "throughput ratio arcrun / GNU tar (wall): %.2fx (without read-ahead %.2fx)%n", tm / om, tm / sm);
        double tb = tar.stream().mapToDouble(Timing::wall).min().orElseThrow();
        double ob = ours.stream().mapToDouble(Timing::wall).min().orElseThrow();
        double sb = oursSerial.stream().mapToDouble(Timing::wall).min().orElseThrow();
        System.out.printf(Locale.ROOT, "best wall: GNU tar %.3f s, arcrun %.3f s, without read-ahead %.3f s; ratio %.2fx (%.2fx)%n",
                tb, ob, sb, tb / ob, tb / sb);
        double tc = median(tar.stream().map(Timing::cpu).toList());
        double oc = median(ours.stream().map(Timing::cpu).toList());
        double sc = median(oursSerial.stream().map(Timing::cpu).toList());
        if (tc > 0) {
            System.out.printf(Locale.ROOT, "median CPU (user+sys): GNU tar+gzip %.3f s, arcrun %.3f s, without read-ahead %.3f s; ratio %.2fx (%.2fx)%n",
                    tc, oc, sc, tc / oc, tc / sc);
        }
        System.out.printf(Locale.ROOT, "heap during arcrun extraction: sum of per-pool peaks %.1f MB, an over-estimate (pools peak at different moments); max heap %d MB%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        if (dir == null) {
            delete(work);
        }
    }

    /** Writes a tar.gz of small, source-like files; returns {content bytes, file count}. */
    static long[] generate(Path archive, long targetBytes) throws IOException {
        String[] words = ("const let function return import export from await async if else for while class new this "
                + "worker request response env kv r2 fetch json stringify parse headers status body cypher registry "
                + "component binary run recipe credential account workflow => { } ( ) ; = + - * / 0 1 2 42 \"ok\" 'id'")
                .split(" ");
        SplittableRandom rnd = new SplittableRandom(42);
        long total = 0;
        int n = 0;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
             GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            StringBuilder sb = new StringBuilder();
            while (total < targetBytes) {
                // sizes skewed small, like a source tree: mostly 0.5–8 KB, some up to 64 KB
                int size = rnd.nextInt(10) == 0 ? 8_192 + rnd.nextInt(57_344) : 512 + rnd.nextInt(7_680);
                sb.setLength(0);
                while (sb.length() < size) {
                    sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(12) == 0 ? '\n' : ' ');
                }
                byte[] body = sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
                String name = String.format(Locale.ROOT, "bundle-main/pkg%02d/mod%03d/file%05d.js", n % 37, (n / 37) % 211, n);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(body.length);
                e.setMode(n % 50 == 0 ? 0100755 : 0100644);
                tar.putArchiveEntry(e);
                tar.write(body);
                tar.closeArchiveEntry();
                total += body.length;
                n++;
            }
        }
        return new long[] {total, n};
    }

    /** Wall-clock and CPU seconds (CPU is -1 when it cannot be measured). */
    record Timing(double wall, double cpu) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, cpu >= 0 ? "%.3f s (cpu %.3f s)" : "%.3f s", wall, cpu);
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    /** GNU tar in its own process; its CPU (gzip child included) comes from /usr/bin/time when present. */
    static Timing timeGnuTar(Path archive, Path out) throws IOException, InterruptedException {
        delete(out);
        Files.createDirectories(out);
        List<String> cmd = new ArrayList<>();
        Path cpuFile = out.resolveSibling("gnu-cpu.txt");
        if (Files.isExecutable(TIME)) {
            cmd.addAll(List.of(TIME.toString(), "-o", cpuFile.toString(), "-f", "%U %S"));
        }
        cmd.addAll(List.of("tar", "xzf", archive.toString(), "-C", out.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("GNU tar failed");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = -1;
        if (Files.exists(cpuFile)) {
            String[] f = Files.readString(cpuFile).trim().split("\\s+");
            cpu = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
            Files.delete(cpuFile);
        }
        delete(out);
        return new Timing(s, cpu);
    }

    /** In this JVM; CPU is the whole process's (GC and JIT threads included, which is what a user pays). */
    static Timing timeOurs(Path archive, Path out, boolean readAhead) throws IOException {
        delete(out);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        new BundleExtractor(Limits.defaults(), readAhead).extract(archive, out);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        delete(out);
        return new Timing(s, cpu);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
