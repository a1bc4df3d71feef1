package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a bundle into the cache, streaming to disk. A dropped connection is retried: with a Range request that
 * continues where it stopped when the server answers 206 for it, from scratch when it answers 200. The cache is keyed
 * by URL and sha256, so a bundle asked for with its sha256 is downloaded once. It speaks {@code java.net.http} like
 * the rest of arcrun; redirects are followed here, hop by hop, so none may leave https and their number is bounded.
 */
public final class Downloader {

    public record Options(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration retryDelay,
                          int maxRedirects) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), Duration.ofSeconds(30), 5, Duration.ofSeconds(1), 10);
        }

        public Options withRetryDelay(Duration delay) {
            return new Options(connectTimeout, readTimeout, maxAttempts, delay, maxRedirects);
        }

        public Options withReadTimeout(Duration timeout) {
            return new Options(connectTimeout, timeout, maxAttempts, retryDelay, maxRedirects);
        }
    }

    /** The downloaded file (inside the cache), its sha256 and size. */
    public record Result(Path file, String sha256, long bytes, boolean fromCache) {}

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;
    /** Watches for a body that stops arriving: java.net.http's request timeout ends when the headers are in. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arcrun-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Path cacheDir;
    private final Options options;

    /** {@code cacheDir} is usually {@code AppHome.cache()}; downloads go into its {@code bundles} folder. */
    public Downloader(Path cacheDir, Options options) {
        this.cacheDir = cacheDir.resolve("bundles");
        this.options = options;
    }

    public Downloader(Path cacheDir) {
        this(cacheDir, Options.defaults());
    }

    /**
     * Downloads {@code url} (or takes it from the cache when {@code expectedSha256} is given and cached).
     *
     * @throws UserFacingException     for HTTP errors, web pages instead of archives, a sha256 mismatch, or when
     *                                 every attempt failed
     * @throws CancellationException   when cancelled
     */
    public Result download(URI url, String expectedSha256, Consumer<DownloadEvent> listener, Cancellation cancel) {
        String expected = Sha256.normalise(expectedSha256);
        Path dir = cacheDir.resolve(Sha256.of(url.toString()).substring(0, 24));
        try {
            Files.createDirectories(dir);
            if (expected != null) {
                Path cached = dir.resolve(expected + ".tar.gz");
                if (Files.isRegularFile(cached) && Sha256.of(cached).equals(expected)) {
                    long size = Files.size(cached);
                    listener.accept(new DownloadEvent.Finished(cached, expected, size, true));
                    return new Result(cached, expected, size, true);
                }
            }
            Path part = dir.resolve("download-" + UUID.randomUUID() + ".part");
            try {
                Attempts state = fetchWithRetries(url, part, listener, cancel);
                String sha = Sha256.hex(state.digest);
                if (expected != null && !expected.equals(sha)) {
                    throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_SHA_MISMATCH, url, sha, expected),
                            Advice.of(Advice.Code.CHECK_SHA));
                }
                Path target = dir.resolve(sha + ".tar.gz");
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                listener.accept(new DownloadEvent.Finished(target, sha, state.have, false));
                return new Result(target, sha, state.have, false);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_WRITE_FAILED, dir, e.getMessage()),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        }
    }

    /** Mutable progress of one download across attempts. */
    private static final class Attempts {
        final MessageDigest digest = Sha256.newDigest();
        long have;
        long total = -1;
        String etag;
        boolean sniffed;
    }

    private Attempts fetchWithRetries(URI url, Path part, Consumer<DownloadEvent> listener, Cancellation cancel)
            throws IOException {
        Attempts st = new Attempts();
        Files.write(part, new byte[0]);
        for (int attempt = 1; ; attempt++) {
            cancel.check();
            try {
                if (attemptOnce(url, part, st, listener, cancel)) {
                    return st;
                }
                // The server would not continue where we stopped: the file was reset, start over at once.
                listener.accept(new DownloadEvent.Retrying(attempt + 1, 0, Failure.of(Failure.Code.DOWNLOAD_NOT_RESUMED)));
            } catch (TransientFailure | IOException e) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("Download cancelled.");
                }
                Failure reason = e instanceof TransientFailure t ? t.reason : describe((IOException) e);
                if (attempt >= options.maxAttempts()) {
                    throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_FAILED, url, attempt, reason),
                            Advice.of(Advice.Code.CHECK_INTERNET), e);
                }
                listener.accept(new DownloadEvent.Retrying(attempt + 1, st.have, reason));
                pause(cancel);
            }
        }
    }

    /** A failure worth another attempt (server 5xx, a short body). */
    private static final class TransientFailure extends Exception {
        final Failure reason;

        TransientFailure(Failure reason) {
            super(reason.code().id(), null, false, false);
            this.reason = reason;
        }
    }

    /**
     * One attempt on its own client, so that cancelling or a stalled body can end it at once ({@code shutdownNow}).
     * Returns false when it had to throw away what was there (the caller tries again at once).
     */
    private boolean attemptOnce(URI url, Path part, Attempts st, Consumer<DownloadEvent> listener, Cancellation cancel)
            throws IOException, TransientFailure {
        long from = st.have;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed in open(), which refuses https → http
                .version("https".equalsIgnoreCase(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        // shutdownNow, not close: close waits for the exchange, and a stalled or cancelled one must end now
        try (Cancellation.Registration onCancel = cancel.onCancel(client::shutdownNow)) {
            HttpResponse<InputStream> resp = open(client, url, from, st.etag, cancel);
            try (InputStream body = resp.body()) {
                int status = resp.statusCode();
                if (status >= 500 || status == 408 || status == 429) {
                    throw new TransientFailure(Failure.of(Failure.Code.DOWNLOAD_SERVER_BUSY, status));
                }
                if (status == 416 && from > 0) {
                    reset(part, st);
                    return false;
                }
                if (status >= 400) {
                    throw httpError(url, status);
                }
                if (status != 200 && status != 206) {
                    throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_STATUS, status, url),
                            Advice.of(Advice.Code.URL_TARBALL));
                }
                String type = resp.headers().firstValue("Content-Type").orElse(null);
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                    throw webPage(url);
                }
                long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
                boolean resumed = false;
                if (status == 206) {
                    Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
                    if (from == 0 || !m.matches() || Long.parseLong(m.group(1)) != from) {
                        // A range we did not ask for: never splice it in.
                        reset(part, st);
                        return false;
                    }
                    resumed = true;
                    st.total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                } else {
                    if (from > 0) {
                        reset(part, st); // 200 to a Range request: the server sends everything again
                    }
                    st.total = length;
                }
                String etag = resp.headers().firstValue("ETag").orElse(null);
                st.etag = etag != null && !etag.startsWith("W/") ? etag : null;
                listener.accept(new DownloadEvent.Started(url, st.total, resumed));
                copyBody(url, body, client, part, st, listener, cancel);
                return true;
            }
        } finally {
            client.shutdownNow();
        }
    }

    private void copyBody(URI url, InputStream in, HttpClient client, Path part, Attempts st,
                          Consumer<DownloadEvent> listener, Cancellation cancel) throws IOException, TransientFailure {
        long startNanos = System.nanoTime();
        long startBytes = st.have;
        long lastEvent = 0;
        byte[] buf = new byte[128 * 1024];
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long idle = options.readTimeout().toNanos();
        long every = Math.max(10, options.readTimeout().toMillis() / 4);
        ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastByte.get() > idle && stalled.compareAndSet(false, true)) {
                client.shutdownNow(); // the blocked read below ends with an IOException
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
            for (int n; (n = readNetwork(in, buf, st, cancel, stalled)) != -1; ) {
                lastByte.set(System.nanoTime());
                cancel.check();
                if (!st.sniffed && st.have == 0 && n > 0) {
                    st.sniffed = true;
                    if (looksLikeHtml(buf, n)) {
                        throw webPage(url);
                    }
                }
                out.write(buf, 0, n); // a failure here is the disk's: no retry, download() reports it
                st.digest.update(buf, 0, n);
                st.have += n;
                long now = System.nanoTime();
                if (now - lastEvent >= PROGRESS_EVERY_NANOS) {
                    lastEvent = now;
                    listener.accept(new DownloadEvent.Progress(st.have, st.total, rate(st.have - startBytes, now - startNanos)));
                }
            }
        } finally {
            watch.cancel(false);
        }
        cancel.check();
        listener.accept(new DownloadEvent.Progress(st.have, st.total, rate(st.have - startBytes, System.nanoTime() - startNanos)));
        if (st.total >= 0 && st.have < st.total) {
            throw new TransientFailure(Failure.of(Failure.Code.DOWNLOAD_CUT_SHORT, st.have, st.total));
        }
    }

    /** One read from the network; a failure is a dropped connection (worth a retry) unless the user cancelled. */
    private int readNetwork(InputStream in, byte[] buf, Attempts st, Cancellation cancel, AtomicBoolean stalled)
            throws TransientFailure {
        try {
            return in.read(buf);
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw new CancellationException("Download cancelled.");
            }
            Failure why = stalled.get() ? Failure.of(Failure.Code.DOWNLOAD_STALLED, options.readTimeout().toMillis()) : describe(e);
            throw new TransientFailure(st.total >= 0 ? Failure.of(Failure.Code.DOWNLOAD_DROPPED_OF, st.have, st.total, why)
                    : Failure.of(Failure.Code.DOWNLOAD_DROPPED, st.have, why));
        }
    }

    private static double rate(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes * 1e9 / nanos;
    }

    private static void reset(Path part, Attempts st) throws IOException {
        Files.write(part, new byte[0]);
        st.digest.reset();
        st.have = 0;
        st.total = -1;
        st.etag = null;
        st.sniffed = false;
    }

    /** Sends the request, following up to maxRedirects redirects by hand so none downgrades https to http. */
    private HttpResponse<InputStream> open(HttpClient client, URI url, long from, String etag, Cancellation cancel)
            throws IOException {
        URI current = url;
        for (int hop = 0; hop <= options.maxRedirects(); hop++) {
            cancel.check();
            HttpRequest.Builder req = HttpRequest.newBuilder(current).GET()
                    // until the headers are in; a body that stops arriving is caught by copyBody's watchdog
                    .timeout(options.readTimeout().plus(options.connectTimeout()))
                    .header("User-Agent", "arcrun-desktop")
                    .header("Accept-Encoding", "identity");
            if (from > 0) {
                req.header("Range", "bytes=" + from + "-");
                if (etag != null) {
                    req.header("If-Range", etag);
                }
            }
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("Download cancelled.");
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Download interrupted.");
            }
            int status = resp.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return resp;
            }
            resp.body().close();
            String location = resp.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_NO_LOCATION, status, current),
                        Advice.of(Advice.Code.CHECK_URL));
            }
            URI next;
            try {
                next = current.resolve(new URI(location));
            } catch (URISyntaxException e) {
                throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_BAD_REDIRECT, current),
                        Advice.of(Advice.Code.CHECK_URL));
            }
            if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_INSECURE_REDIRECT, current, next),
                        Advice.of(Advice.Code.STAY_HTTPS));
            }
            current = next;
        }
        throw new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_TOO_MANY_REDIRECTS, url, options.maxRedirects()),
                Advice.of(Advice.Code.URL_MISCONFIGURED));
    }

    private void pause(Cancellation cancel) {
        long until = System.nanoTime() + options.retryDelay().toNanos();
        try {
            while (!cancel.isCancelled() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Download interrupted.");
        }
        cancel.check();
    }

    static boolean looksLikeHtml(byte[] buf, int n) {
        int i = 0;
        while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t' || (buf[i] & 0xff) == 0xef
                || (buf[i] & 0xff) == 0xbb || (buf[i] & 0xff) == 0xbf)) {
            i++;
        }
        return i < n && buf[i] == '<';
    }

    private static UserFacingException webPage(URI url) {
        return new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_WEB_PAGE, url), Advice.of(Advice.Code.URL_ARCHIVE_ITSELF));
    }

    private static UserFacingException httpError(URI url, int status) {
        if (status == 404) {
            return new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_NOT_FOUND, url), Advice.of(Advice.Code.URL_NOT_FOUND));
        }
        if (status == 401 || status == 403) {
            return new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_FORBIDDEN, url, status), Advice.of(Advice.Code.URL_PUBLIC));
        }
        return new UserFacingException(Failure.of(Failure.Code.DOWNLOAD_HTTP_ERROR, status, url), Advice.of(Advice.Code.CHECK_URL));
    }

    /** Why a request or a read failed, as a fact; the exception's own message only when nothing more is known. */
    private static Failure describe(IOException e) {
        if (e instanceof InterruptedIOException || e instanceof java.net.http.HttpTimeoutException) {
            return Failure.of(Failure.Code.DOWNLOAD_TIMED_OUT);
        }
        if (e instanceof java.net.ConnectException) {
            return Failure.of(Failure.Code.DOWNLOAD_REFUSED);
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? Failure.of(Failure.Code.DOWNLOAD_CONNECTION_FAILED) : Failure.of(Failure.Code.DOWNLOAD_IO, msg);
    }
}
