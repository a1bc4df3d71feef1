package dev.arcrun.core.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An extracted bundle as discovered: its workers in deploy order (tier, then name) and its optional manifest. */
public record Bundle(Path root, Optional<BundleManifest> manifest, List<Worker> workers) {

    public Bundle {
        workers = List.copyOf(workers);
    }

    /** The manifest's version, when the bundle has one. */
    public Optional<String> version() {
        return manifest.map(BundleManifest::version);
    }

    /** Workers grouped by tier: element 0 deploys first, workers within a tier may deploy in parallel. */
    public List<List<Worker>> tiers() {
        int max = workers.stream().mapToInt(Worker::tier).max().orElse(-1);
        return java.util.stream.IntStream.rangeClosed(0, max)
                .mapToObj(t -> workers.stream().filter(w -> w.tier() == t).toList())
                .toList();
    }
}
