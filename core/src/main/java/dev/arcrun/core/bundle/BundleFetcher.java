package dev.arcrun.core.bundle;

import dev.arcrun.core.Cancellation;
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
            throw new UserFacingException("The bundle has sha256 " + sha + " but " + expected + " was expected.",
                    "The file is not the one you meant: check the sha256 and the source.");
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
            throw new UserFacingException("Cannot read the bundle " + file + ": " + e.getMessage(), "Check the path and its permissions.");
        }
    }

    /** Copies the engine built into the app out of the classpath, so it is extracted like any other archive. */
    private Path builtinArchive() {
        try (InputStream in = BundleFetcher.class.getResourceAsStream(BundleSource.BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new UserFacingException("This build of Arcrun has no engine built in.",
                        "Use a GitHub source such as OWNER/REPO@REF, a URL or a local .tar.gz instead, or use a full release build.");
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
            throw new UserFacingException("Cannot unpack the built-in engine into " + cacheDir + ": " + e.getMessage(),
                    "Check that the disk has space and the folder is writable.");
        }
    }
}
