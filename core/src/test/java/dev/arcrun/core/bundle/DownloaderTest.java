package dev.arcrun.core.bundle;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.testkit.http.HttpFixture;
import dev.arcrun.testkit.http.HttpFixture.Drop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a codeload-style tarball served by testkit's HTTP fixture, misbehaving in each way. */
class DownloaderTest {
    private static final byte[] TARBALL = bigEngine();

    @TempDir
    Path tmp;

    private final List<DownloadEvent> events = new CopyOnWriteArrayList<>();

    private Downloader downloader() {
        return new Downloader(tmp.resolve("cache"), Downloader.Options.defaults().withRetryDelay(Duration.ZERO));
    }

    /** The engine tarball padded with incompressible bytes so it spans many reads. */
    private static byte[] bigEngine() {
        byte[] noise = new byte[300_000];
        new java.util.Random(3).nextBytes(noise);
        return Tarballs.tar().file("repo-main/noise.bin", noise, 0100644).file("repo-main/wrangler.toml", "name = \"w\"\n").gz();
    }

    private Downloader.Result download(HttpFixture server, String sha) {
        return downloader().download(server.uri(), sha, events::add, Cancellation.none());
    }

    /** What stopped the download, as the fact the faces render. */
    private static UserFacingException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(UserFacingException.class);
        return (UserFacingException) t;
    }

    private void assertArrivedWhole(Downloader.Result r) throws IOException {
        assertThat(Files.readAllBytes(r.file())).isEqualTo(TARBALL);
        assertThat(r.sha256()).isEqualTo(Sha256.of(r.file()));
        assertThat(r.bytes()).isEqualTo(TARBALL.length);
        assertThat(events.getLast()).isInstanceOf(DownloadEvent.Finished.class);
    }

    @Test
    void downloadsWithContentLengthReportingProgressAgainstTheTotal() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).start()) {
            Downloader.Result r = download(server, null);
            assertArrivedWhole(r);
            assertThat(events.getFirst()).isEqualTo(new DownloadEvent.Started(server.uri(), TARBALL.length, false));
            DownloadEvent.Progress last = events.stream().filter(DownloadEvent.Progress.class::isInstance)
                    .map(DownloadEvent.Progress.class::cast).reduce((a, b) -> b).orElseThrow();
            assertThat(last.bytes()).isEqualTo(TARBALL.length);
            assertThat(last.total()).isEqualTo(TARBALL.length);
            assertThat(last.fraction()).isEqualTo(1.0);
            assertThat(last.bytesPerSecond()).isPositive();
        }
    }

    @Test
    void downloadsChunkedWithoutContentLength() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).chunked().start()) {
            assertArrivedWhole(download(server, null));
            assertThat(events.getFirst()).isEqualTo(new DownloadEvent.Started(server.uri(), -1, false));
            assertThat(server.fileRequests()).hasSize(1);
        }
    }

    @Test
    void resumesWithARangeRequestAfterADroppedConnection() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).dropHalfWay(Drop.ONCE).start()) {
            assertArrivedWhole(download(server, null));
            List<HttpFixture.Request> reqs = server.fileRequests();
            assertThat(reqs).hasSize(2);
            assertThat(reqs.get(0).header("range")).isNull();
            // it resumes from the bytes that arrived: the server sent half, and a reset connection may lose the
            // last few segments of it before the client reads them
            String range = reqs.get(1).header("range");
            assertThat(range).matches("bytes=[0-9]+-");
            long from = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
            assertThat(from).isPositive().isLessThanOrEqualTo(TARBALL.length / 2);
            assertThat(reqs.get(1).header("if-range")).isEqualTo("\"fixture-1\"");
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DownloadEvent.Retrying.class,
                    r -> assertThat(r.fromByte()).isEqualTo(from)));
            assertThat(events).contains(new DownloadEvent.Started(server.uri(), TARBALL.length, true));
        }
    }

    @Test
    void resumesAChunkedDownloadDroppedHalfWay() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).chunked().dropHalfWay(Drop.ONCE).start()) {
            assertArrivedWhole(download(server, null));
            assertThat(server.fileRequests()).hasSize(2);
            assertThat(server.fileRequests().get(1).header("range")).startsWith("bytes=");
        }
    }

    @Test
    void restartsCleanlyWhenTheServerIgnoresRange() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).noRangeSupport().dropHalfWay(Drop.ONCE).start()) {
            Downloader.Result r = download(server, Sha256.of(writeTemp()));
            assertArrivedWhole(r);
            assertThat(server.fileRequests()).hasSize(2);
            // asked to resume, got the whole body again with 200, and did not splice it onto the first half
            assertThat(server.fileRequests().get(1).header("range")).isNotNull();
            assertThat(events).contains(new DownloadEvent.Started(server.uri(), TARBALL.length, false));
        }
    }

    @Test
    void aPartialAnswerFromTheWrongOffsetIsNeverSplicedIn() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).misalignedRanges().dropHalfWay(Drop.ONCE).start()) {
            assertArrivedWhole(download(server, null));
            List<HttpFixture.Request> reqs = server.fileRequests();
            assertThat(reqs).hasSize(3);
            assertResumedFromWhatArrived(reqs.get(1).header("range"));
            assertThat(reqs.get(2).header("range")).as("starts over without Range").isNull();
        }
    }

    @Test
    void givesUpWithAClearErrorWhenEveryAttemptIsDropped() {
        try (HttpFixture server = HttpFixture.serving(TARBALL).noRangeSupport().dropHalfWay(Drop.ALWAYS).start()) {
            UserFacingException e = refusal(() -> download(server, null));
            assertThat(e.failure().code()).isEqualTo(Failure.Code.DOWNLOAD_FAILED);
            assertThat(e.failure().args()).first().isEqualTo(server.uri());
            assertThat(e.failure().args().get(1)).isEqualTo(5);
            assertThat(e.failure().args().get(2)).isInstanceOfSatisfying(Failure.class, last -> assertThat(last.code())
                    .isIn(Failure.Code.DOWNLOAD_CUT_SHORT, Failure.Code.DOWNLOAD_DROPPED, Failure.Code.DOWNLOAD_DROPPED_OF));
            assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.CHECK_INTERNET);
            // a Chinese user reads why in Chinese, the last attempt's cause included
            assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(e.failure()))
                    .startsWith("下載 " + server.uri() + " 失敗了 5 次；最後一次：連線在收到").doesNotContain("!", "dropped");
            assertThat(events).filteredOn(DownloadEvent.Retrying.class::isInstance).hasSize(4)
                    .allSatisfy(r -> assertThat(((DownloadEvent.Retrying) r).reason().code()).isIn(
                            Failure.Code.DOWNLOAD_CUT_SHORT, Failure.Code.DOWNLOAD_DROPPED, Failure.Code.DOWNLOAD_DROPPED_OF));
            assertThat(server.fileRequests()).hasSize(5);
            assertThat(cacheFiles()).isEmpty();
        }
    }

    @Test
    void followsARedirectChain() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).redirects(4).start()) {
            assertArrivedWhole(download(server, null));
            assertThat(server.requests()).extracting(HttpFixture.Request::path)
                    .containsExactly("/redirect/4", "/redirect/3", "/redirect/2", "/redirect/1", server.fileUri().getPath());
        }
    }

    @Test
    void resumesThroughARedirectAfterADrop() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).redirects(2).dropHalfWay(Drop.ONCE).start()) {
            assertArrivedWhole(download(server, null));
            assertResumedFromWhatArrived(server.fileRequests().get(1).header("range"));
        }
    }

    @Test
    void a404WithAnHtmlPageIsAClearErrorNotACorruptArchive() {
        try (HttpFixture server = HttpFixture.serving(TARBALL).notFoundHtml().start()) {
            UserFacingException e = refusal(() -> download(server, null));
            assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.DOWNLOAD_NOT_FOUND, server.uri()));
            assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.URL_NOT_FOUND);
            assertThat(e.getMessage()).contains("HTTP 404", server.uri().toString());
            assertThat(server.fileRequests()).hasSize(1);
        }
    }

    @Test
    void anHtmlPageAnswered200IsAClearError() {
        byte[] html = "<!DOCTYPE html><html><body>Sign in</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (HttpFixture server = HttpFixture.serving(html).contentType("text/html").start()) {
            assertThat(refusal(() -> download(server, null)).failure()).isEqualTo(Failure.of(Failure.Code.DOWNLOAD_WEB_PAGE, server.uri()));
        }
        try (HttpFixture server = HttpFixture.serving(html).contentType("application/octet-stream").start()) {
            assertThat(refusal(() -> download(server, null)).failure()).isEqualTo(Failure.of(Failure.Code.DOWNLOAD_WEB_PAGE, server.uri()));
        }
    }

    @Test
    void checksTheSha256WhenGivenAndKeepsNothingOnMismatch() throws IOException {
        try (HttpFixture server = HttpFixture.serving(TARBALL).start()) {
            String wrong = "0".repeat(64);
            assertThat(refusal(() -> download(server, wrong)).failure())
                    .isEqualTo(Failure.of(Failure.Code.DOWNLOAD_SHA_MISMATCH, server.uri(), Sha256.of(writeTemp()), wrong));
            assertThat(cacheFiles()).isEmpty();
        }
    }

    @Test
    void aBundleAskedForWithItsSha256IsDownloadedOnce() throws IOException {
        String sha = Sha256.of(writeTemp());
        try (HttpFixture server = HttpFixture.serving(TARBALL).start()) {
            Downloader.Result first = download(server, sha);
            Downloader.Result second = download(server, sha.toUpperCase(java.util.Locale.ROOT));
            assertThat(first.fromCache()).isFalse();
            assertThat(second.fromCache()).isTrue();
            assertThat(second.file()).isEqualTo(first.file());
            assertThat(server.fileRequests()).hasSize(1);
        }
    }

    @Test
    void aCorruptedCacheEntryIsDownloadedAgain() throws IOException {
        String sha = Sha256.of(writeTemp());
        try (HttpFixture server = HttpFixture.serving(TARBALL).start()) {
            Downloader.Result first = download(server, sha);
            Files.write(first.file(), new byte[] {1, 2, 3});
            Downloader.Result second = download(server, sha);
            assertThat(second.fromCache()).isFalse();
            assertThat(Files.readAllBytes(second.file())).isEqualTo(TARBALL);
            assertThat(server.fileRequests()).hasSize(2);
        }
    }

    @Test
    void cancelStopsASlowDownloadAtOnce() throws Exception {
        try (HttpFixture server = HttpFixture.serving(TARBALL).slow(4096, Duration.ofMillis(50)).start();
             ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Cancellation cancel = new Cancellation();
            Future<?> f = pool.submit(() -> downloader().download(server.uri(), null, e -> {
                events.add(e);
                if (e instanceof DownloadEvent.Progress p && p.bytes() > 8000) {
                    cancel.cancel();
                }
            }, cancel));
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            assertThat(cacheFiles()).isEmpty();
        }
    }

    @Test
    void aServerThatStopsSendingHitsTheReadTimeout() {
        try (HttpFixture server = HttpFixture.serving(TARBALL).slow(1024, Duration.ofSeconds(5)).start()) {
            Downloader d = new Downloader(tmp.resolve("cache"), new Downloader.Options(Duration.ofSeconds(2),
                    Duration.ofMillis(300), 2, Duration.ZERO, 5));
            UserFacingException e = refusal(() -> d.download(server.uri(), null, events::add, Cancellation.none()));
            assertThat(e.failure().code()).isEqualTo(Failure.Code.DOWNLOAD_FAILED);
            assertThat(e.failure().args().get(1)).isEqualTo(2);
            // the last attempt stalled: "no data arrived for 300 ms", a fact with the timeout in it
            Failure last = (Failure) e.failure().args().get(2);
            assertThat(last.code()).isEqualTo(Failure.Code.DOWNLOAD_DROPPED_OF);
            assertThat(last.args().getLast()).isEqualTo(Failure.of(Failure.Code.DOWNLOAD_STALLED, 300L));
            assertThat(e.getMessage()).contains("no data arrived for 300 ms");
            assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(e.failure())).contains("300 毫秒內沒有收到任何資料");
        }
    }

    @Test
    void anInvalidSha256IsRefusedBeforeAnyRequest() {
        try (HttpFixture server = HttpFixture.serving(TARBALL).start()) {
            assertThat(refusal(() -> download(server, "abc")).failure()).isEqualTo(Failure.of(Failure.Code.SHA256_INVALID, "abc"));
            assertThat(server.requests()).isEmpty();
        }
    }

    private Path writeTemp() throws IOException {
        return Files.write(tmp.resolve("expected.tar.gz"), TARBALL);
    }

    private List<Path> cacheFiles() {
        try (var s = Files.walk(tmp.resolve("cache"))) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A resume asks from the bytes that arrived: at most the half the server sent before it dropped the connection. */
    private static long assertResumedFromWhatArrived(String range) {
        assertThat(range).matches("bytes=[0-9]+-");
        long from = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
        assertThat(from).isPositive().isLessThanOrEqualTo(TARBALL.length / 2);
        return from;
    }
}
