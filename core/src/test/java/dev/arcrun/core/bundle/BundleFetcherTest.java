package dev.arcrun.core.bundle;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.BundleExtractor.Existing;
import dev.arcrun.testkit.http.HttpFixture;
import dev.arcrun.testkit.http.HttpFixture.Drop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFetcherTest {
    @TempDir
    Path tmp;

    private final List<FetchEvent> events = new CopyOnWriteArrayList<>();

    private BundleFetcher fetcher() {
        Path cache = tmp.resolve("cache");
        return new BundleFetcher(cache, new Downloader(cache, Downloader.Options.defaults().withRetryDelay(Duration.ZERO)),
                new BundleExtractor());
    }

    @Test
    void fetchesACodeloadTarballOverADroppingRedirectingServerAndDiscoversIt() throws IOException {
        byte[] tarball = Tarballs.engine("engine-0a1b2c3");
        try (HttpFixture server = HttpFixture.serving(tarball).redirects(1).dropHalfWay(Drop.ONCE).chunked().start()) {
            Path dest = tmp.resolve("installs/one/bundle");
            FetchedBundle f = fetcher().fetch(new BundleSource.Remote(server.uri()), dest, null, Existing.REFUSE, events::add,
                    Cancellation.none());
            assertThat(f.sha256()).isEqualTo(Sha256.of(Files.write(tmp.resolve("x"), tarball)));
            assertThat(f.strippedTopFolder()).isEqualTo("engine-0a1b2c3");
            assertThat(f.bundle().root()).isEqualTo(dest.toAbsolutePath());
            assertThat(f.bundle().workers()).extracting(Worker::name)
                    .containsExactly("arcrun-registry", "arcrun-cypher-executor", "arcrun-gateway");
            assertThat(events.getLast()).isInstanceOf(FetchEvent.Discovered.class);
            assertThat(events).anyMatch(e -> e instanceof FetchEvent.Downloading d && d.event() instanceof DownloadEvent.Retrying);
        }
    }

    @Test
    void fetchesALocalFileAndChecksItsSha256() throws IOException {
        Path archive = Files.write(tmp.resolve("e.tar.gz"), Tarballs.engine("e"));
        Path dest = tmp.resolve("dest");
        assertThatThrownBy(() -> fetcher().fetch(new BundleSource.LocalFile(archive), dest, "f".repeat(64), Existing.REFUSE,
                events::add, Cancellation.none())).isInstanceOf(UserFacingException.class).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_SHA_MISMATCH));
        assertThat(dest).doesNotExist();
        FetchedBundle f = fetcher().fetch(new BundleSource.LocalFile(archive), dest, Sha256.of(archive), Existing.REFUSE,
                events::add, Cancellation.none());
        assertThat(f.bundle().version()).contains("1.2.3");
    }

    @Test
    void aBundleWithoutWorkersIsRefusedBeforeItIsMovedIntoPlace() throws IOException {
        Path archive = Files.write(tmp.resolve("e.tar.gz"), Tarballs.tar().file("repo/readme.md", "hi").gz());
        Path parent = Files.createDirectories(tmp.resolve("installs"));
        assertThatThrownBy(() -> fetcher().fetch(new BundleSource.LocalFile(archive), parent.resolve("b"), null, Existing.REFUSE,
                events::add, Cancellation.none())).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_NO_WORKER));
        try (Stream<Path> s = Files.list(parent)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void theBuiltinEngineExtracts() {
        // the build packs engine/ into core (see core's pom); an app without it could not install anything
        FetchedBundle f = fetcher().fetch(new BundleSource.Builtin(), tmp.resolve("d"), null, Existing.REFUSE,
                events::add, Cancellation.none());
        assertThat(f.bundle().workers()).extracting(Worker::name).contains("arcrun-registry", "arcrun-cypher-executor");
    }
}
