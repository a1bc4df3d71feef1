package dev.arcrun.core.bundle;

import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.function.Consumer;

/** Source → archive (downloaded, cached, or local) → safe extraction → discovery: the whole of "get a bundle". */
public final class BundleFetcher {
    private final Path cacheDir;
    private final Downloader downloader;
    private final BundleExtractor extractor;

    public BundleFetcher(Path cacheDir, Downloader downloader, BundleExtractor extractor) {
        this.cacheDir = cacheDir;
        this.downloader = downloader;
        this.extractor = extractor;
    }

    public BundleFetcher(Path cacheDir) {
        this(cacheDir, new Downloader(cacheDir), new BundleExtractor());
    }

    public FetchedBundle fetch(BundleSource source, Path dest, String expectedSha256, BundleExtractor.Existing existing,
                               Consumer<FetchEvent> events, Cancellation cancel) {
        String expected = Sha256.normalise(expectedSha256);
        Path archive;
        String sha;
        boolean fromCache = false;
        switch (source) {
            case BundleSource.Remote r -> {
                Downloader.Result res = downloader.download(r.url(), expected, e -> events.accept(new FetchEvent.Downloading(e)), cancel);
                archive = res.file();
                sha = res.sha256();
                fromCache = res.fromCache();
            }
            case BundleSource.LocalFile f -> {
                archive = f.file();
                sha = hash(archive);
            }
            case BundleSource.Builtin b -> {
                archive = builtinArchive();
                sha = hash(archive);
            }
        }
        if (expected != null && !expected.equals(sha)) {
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_SHA_MISMATCH, sha, expected),
                    Advice.of(Advice.Code.CHECK_SHA));
        }
        BundleExtractor.Extracted x = extractor.extract(archive, dest, existing,
                p -> events.accept(new FetchEvent.Extracting(p)), cancel, BundleDiscovery::discover);
        Bundle bundle = BundleDiscovery.discover(x.dir());
        events.accept(new FetchEvent.Discovered(bundle));
        return new FetchedBundle(bundle, sha, fromCache, x.strippedTopFolder());
    }

    private static String hash(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_UNREADABLE, file, e.getMessage()),
                    Advice.of(Advice.Code.CHECK_PATH_PERMISSIONS), e);
        }
    }

    /** Copies the engine built into the app out of the classpath, so it is extracted like any other archive. */
    private Path builtinArchive() {
        try (InputStream in = BundleFetcher.class.getResourceAsStream(BundleSource.BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new UserFacingException(Failure.of(Failure.Code.BUILTIN_MISSING), Advice.of(Advice.Code.OTHER_SOURCE));
            }
            Path dir = Files.createDirectories(cacheDir.resolve("builtin"));
            Path tmp = Files.createTempFile(dir, "engine-", ".part");
            MessageDigest md = Sha256.newDigest();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[128 * 1024];
                for (int n; (n = in.read(buf)) != -1; ) {
                    out.write(buf, 0, n);
                    md.update(buf, 0, n);
                }
            }
            Path target = dir.resolve(Sha256.hex(md) + ".tar.gz");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.BUILTIN_UNPACK_FAILED, cacheDir, e.getMessage()),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        }
    }
}
