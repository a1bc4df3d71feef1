package dev.arcrun.app.dashboard;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.bundle.BundleExtractor;
import dev.arcrun.core.bundle.BundleFetcher;
import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.bundle.FetchedBundle;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.DeployedBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The engine an update would deploy, looked at before anything changes: "newer" means an archive whose sha256
 * differs from the deployed one; its version says whether it goes forward or back.
 */
record UpdateCandidate(String version, String sha256) {

    enum Verdict { SAME, NEWER, OLDER }

    /** Fetches the bundle into a scratch folder (downloads are cached, so the update's own fetch is quick) and forgets it. */
    static UpdateCandidate look(AppHome home, String source) {
        Path scratch = home.cache().resolve("update-check");
        try {
            deleteTree(scratch);
            FetchedBundle f = new BundleFetcher(home.cache()).fetch(BundleSource.parse(source), scratch, null,
                    BundleExtractor.Existing.REPLACE, e -> { }, Cancellation.none());
            return new UpdateCandidate(f.bundle().version().orElse("?"), f.sha256());
        } finally {
            deleteTree(scratch);
        }
    }

    Verdict against(DeployedBundle deployed) {
        if (deployed == null || deployed.sha256() == null || !deployed.sha256().equalsIgnoreCase(sha256)) {
            return deployed != null && compareVersions(version, deployed.version()) < 0 ? Verdict.OLDER : Verdict.NEWER;
        }
        return Verdict.SAME;
    }

    /** Dotted versions compared part by part, numbers as numbers ("1.10" after "1.9"); other text by characters. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
