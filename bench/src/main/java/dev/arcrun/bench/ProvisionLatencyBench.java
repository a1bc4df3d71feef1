package dev.arcrun.bench;

import dev.arcrun.core.cloudflare.ApiToken;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long ensuring the 8 resources (7 KV namespaces + 1 R2 bucket) takes when every Cloudflare request costs
 * 200 ms, with the client's concurrent calls versus the same work one request at a time (in-flight limit 1).
 * Fresh account (everything created) and re-run (everything exists), median of several runs on a new stand-in each.
 *
 * <pre>
 *   mvn -B -q package -DskipTests -pl bench -am
 *   java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.arcrun.bench.ProvisionLatencyBench [runs]
 * </pre>
 */
public final class ProvisionLatencyBench {

    static final Duration LATENCY = Duration.ofMillis(200);

    private ProvisionLatencyBench() {}

    record Sample(double seconds, long requests) {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ResourceManifest manifest = ResourceManifest.standard();
        System.out.printf(Locale.ROOT, "Ensuring %d resources, %d ms latency per request, median of %d runs%n",
                manifest.size(), LATENCY.toMillis(), runs);
        System.out.printf(Locale.ROOT, "%-34s %10s %9s %8s%n", "case", "time", "requests", "rounds");
        for (boolean rerun : new boolean[] {false, true}) {
            for (int inFlight : new int[] {8, 1}) {
                List<Sample> samples = new ArrayList<>();
                measure(manifest, rerun, inFlight); // warm-up: class loading and JIT, not counted
                for (int i = 0; i < runs; i++) {
                    samples.add(measure(manifest, rerun, inFlight));
                }
                samples.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
                Sample median = samples.get(samples.size() / 2);
                String name = (rerun ? "re-run (all exist)" : "fresh account (8 created)")
                        + (inFlight == 1 ? ", sequential" : ", concurrent");
                System.out.printf(Locale.ROOT, "%-34s %8.2f s %9d %8.1f%n", name, median.seconds(),
                        median.requests(), median.seconds() / (LATENCY.toMillis() / 1000.0));
            }
        }
    }

    private static Sample measure(ResourceManifest manifest, boolean rerun, int inFlight) {
        try (CloudflareStandIn cf = CloudflareStandIn.builder().start()) {
            CloudflareClient.Options options = CloudflareClient.Options.defaults().withMaxConcurrent(inFlight);
            try (CloudflareClient client = new CloudflareClient(cf.baseUrl(), ApiToken.of(cf.token()), options)) {
                Provisioner provisioner = new Provisioner(client);
                if (rerun) {
                    provisioner.ensure(cf.accountId(), manifest, false);
                }
                cf.faults().latency(LATENCY);
                cf.clearExchanges();
                long start = System.nanoTime();
                ProvisionResult result = provisioner.ensure(cf.accountId(), manifest, false);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (result.created() != (rerun ? 0 : manifest.size())) {
                    throw new IllegalStateException("unexpected result " + result);
                }
                return new Sample(seconds, cf.exchanges().size());
            }
        }
    }
}
