package dev.arcrun.core.install;

import dev.arcrun.core.config.StepDetail;

import dev.arcrun.core.bundle.BundleDiscovery;
import dev.arcrun.core.bundle.BundleExtractor;
import dev.arcrun.core.bundle.BundleFetcher;
import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.bundle.FetchEvent;
import dev.arcrun.core.bundle.FetchedBundle;
import dev.arcrun.core.bundle.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Downloads (or takes from the cache, a file or the app itself) the engine bundle and unpacks it into the install's
 * folder under its sha256, where it stays for rollback.
 */
final class FetchStep implements InstallStep {
    private final InstallSession session;
    private final String source;

    FetchStep(InstallSession session, String source) {
        this.session = session;
        this.source = source;
    }

    @Override public StepId id() { return StepId.FETCH; }

    @Override
    public StepResult run(StepReporter reporter) throws IOException {
        BundleSource parsed = BundleSource.parse(source);
        Path root = session.bundleDir("0".repeat(16)).getParent();
        Path incoming = root.resolve("incoming");
        FetchedBundle fetched = new BundleFetcher(session.home().cache()).fetch(parsed, incoming, null,
                BundleExtractor.Existing.REPLACE, e -> report(e, reporter), session.cancellation());
        Path dir = session.bundleDir(fetched.sha256());
        if (Files.isDirectory(dir)) {
            // Same sha256, same archive: keep the folder. The engine on this computer may be running from it
            // (wrangler dev watches it), and extraction and injection both write atomically, so it is whole.
            deleteTree(incoming);
        } else {
            Files.move(incoming, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        var bundle = BundleDiscovery.discover(dir);
        session.bundle(bundle);
        String version = bundle.version().orElse("unknown");
        session.detail(id(), StepDetail.bundle(fetched.sha256(), version, source));
        return StepResult.done(fetched.fromCache() ? Note.Code.FETCHED_FROM_CACHE : Note.Code.FETCHED,
                version, bundle.workers().size(), fetched.sha256().substring(0, 12));
    }

    /** Where the bundle of a finished fetch came from; empty for a detail written before sources were recorded. */
    static Optional<String> sourceOf(StepDetail detail) {
        return detail == null ? Optional.empty() : Optional.ofNullable(detail.source());
    }

    /**
     * Whether a resumed run would deploy something other than what the earlier run fetched: another source was
     * given, or the same local file was changed since (the user fixed the engine's code).
     */
    static boolean changedSince(StepDetail detail, String source) {
        Optional<String> earlier = sourceOf(detail);
        if (earlier.isEmpty()) {
            return false;
        }
        if (!earlier.get().equals(source)) {
            return true;
        }
        if (BundleSource.parse(source) instanceof BundleSource.LocalFile f && Files.isRegularFile(f.file())) {
            try {
                return !Sha256.of(f.file()).equals(detail.sha256());
            } catch (IOException e) {
                return true; // unreadable now: fetching again reports it properly
            }
        }
        return false;
    }

    private static void report(FetchEvent e, StepReporter reporter) {
        switch (e) {
            case FetchEvent.Downloading d when d.event() instanceof DownloadEvent.Progress p ->
                    reporter.progress(p.total() > 0 ? p.fraction() : -1, p.total() > 0
                            ? Note.of(Note.Code.DOWNLOADING_OF, mb(p.bytes()), mb(p.total()), mb(p.bytesPerSecond()))
                            : Note.of(Note.Code.DOWNLOADING, mb(p.bytes()), mb(p.bytesPerSecond())));
            case FetchEvent.Downloading d when d.event() instanceof DownloadEvent.Retrying r ->
                    reporter.progress(-1, Note.Code.DOWNLOAD_RETRY, r.reason(), r.fromByte());
            case FetchEvent.Extracting x -> reporter.progress(-1, Note.Code.UNPACKED, x.progress().entries());
            default -> { }
        }
    }

    /** Megabytes with one decimal, as a number the catalog formats. */
    private static double mb(double bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
