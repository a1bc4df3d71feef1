package dev.arcrun.testkit.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 (port 0) that serves one byte array at {@link #uri()}, with switches for the
 * ways real download servers misbehave: no Content-Length (chunked), no Range support, a connection dropped half-way,
 * a redirect chain, a 404 with an HTML body, a slow trickle. Written on raw sockets because dropping a connection
 * mid-body is exactly what ordinary server libraries take care never to do.
 *
 * <pre>{@code
 * try (var server = HttpFixture.serving(bytes).chunked().dropHalfWay(Drop.ONCE).start()) {
 *     download(server.uri());
 *     assertThat(server.requests()).hasSize(2);
 * }
 * }</pre>
 */
public final class HttpFixture implements AutoCloseable {

    /** When the server cuts the body off half-way through. */
    public enum Drop { NEVER, ONCE, ALWAYS }

    /** One request as the server saw it; header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The switches; {@link #start()} binds the server. */
    public static final class Builder {
        private final byte[] body;
        private boolean contentLength = true;
        private boolean ranges = true;
        private boolean misalignedRanges;
        private Drop drop = Drop.NEVER;
        private int redirects;
        private boolean notFound;
        private Duration delayPerChunk = Duration.ZERO;
        private int chunkSize = 16 * 1024;
        private String contentType = "application/x-gzip";
        private String etag = "\"fixture-1\"";

        private Builder(byte[] body) {
            this.body = body.clone();
        }

        /** Sends the body chunked, without a Content-Length. */
        public Builder chunked() { this.contentLength = false; return this; }
        /** Ignores Range headers and always answers 200 with the whole body. */
        public Builder noRangeSupport() { this.ranges = false; return this; }
        /** Answers a Range request with 206 but from byte 0 (a broken proxy); a client must not splice that in. */
        public Builder misalignedRanges() { this.misalignedRanges = true; return this; }
        public Builder dropHalfWay(Drop drop) { this.drop = drop; return this; }
        /** {@link #uri()} answers with this many redirects (302, 301, 307, 308 in turn) before the body. */
        public Builder redirects(int count) { this.redirects = count; return this; }
        /** Every request gets a 404 with an HTML page, as GitHub answers for a missing repository or ref. */
        public Builder notFoundHtml() { this.notFound = true; return this; }
        /** Writes the body in chunks of {@code chunkSize} bytes with a pause after each. */
        public Builder slow(int chunkSize, Duration delayPerChunk) {
            this.chunkSize = chunkSize;
            this.delayPerChunk = delayPerChunk;
            return this;
        }
        public Builder contentType(String contentType) { this.contentType = contentType; return this; }

        public HttpFixture start() {
            try {
                return new HttpFixture(this);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the HTTP fixture: " + e.getMessage(), e);
            }
        }
    }

    public static Builder serving(byte[] body) {
        return new Builder(body);
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final String FILE_PATH = "/owner/repo/tar.gz/main";

    private final Builder cfg;
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger bodyResponses = new AtomicInteger();
    private volatile boolean closed;

    private HttpFixture(Builder cfg) throws IOException {
        this.cfg = cfg;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofPlatform().daemon().name("http-fixture-" + socket.getLocalPort()).start(this::acceptLoop);
    }

    /** Where a client should start: the first hop of the redirect chain, or the file itself. */
    public URI uri() {
        return cfg.redirects > 0 ? base().resolve("/redirect/" + cfg.redirects) : fileUri();
    }

    /** The file's own address, after any redirects. */
    public URI fileUri() {
        return base().resolve(FILE_PATH);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests for the file itself (redirect hops left out). */
    public List<Request> fileRequests() {
        return requests.stream().filter(r -> r.path().equals(FILE_PATH)).toList();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("http fixture: accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Request req = readRequest(in);
            if (req == null) {
                return;
            }
            requests.add(req);
            OutputStream out = client.getOutputStream();
            respond(req, out);
            out.flush();
        } catch (IOException e) {
            // the client went away; nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(Request req, OutputStream out) throws IOException, InterruptedException {
        if (cfg.notFound) {
            byte[] html = "<!DOCTYPE html><html><head><title>Page not found</title></head><body>404: Not Found</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            writeHead(out, "404 Not Found", Map.of("Content-Type", "text/html; charset=utf-8",
                    "Content-Length", String.valueOf(html.length)));
            out.write(html);
            return;
        }
        if (req.path().startsWith("/redirect/")) {
            int n = Integer.parseInt(req.path().substring("/redirect/".length()));
            String next = n > 1 ? "/redirect/" + (n - 1) : FILE_PATH;
            String[] codes = {"302 Found", "301 Moved Permanently", "307 Temporary Redirect", "308 Permanent Redirect"};
            writeHead(out, codes[n % codes.length], Map.of("Location", next, "Content-Length", "0"));
            return;
        }
        if (!req.path().equals(FILE_PATH)) {
            writeHead(out, "404 Not Found", Map.of("Content-Type", "text/plain", "Content-Length", "9"));
            out.write("not found".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        int total = cfg.body.length;
        int from = 0;
        String status = "200 OK";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", cfg.contentType);
        headers.put("ETag", cfg.etag);
        String range = req.header("range");
        if (cfg.ranges) {
            headers.put("Accept-Ranges", "bytes");
            Matcher m = range == null ? null : RANGE.matcher(range.trim());
            if (m != null && m.matches() && m.group(2).isEmpty()) {
                from = Integer.parseInt(m.group(1));
                if (from >= total) {
                    writeHead(out, "416 Range Not Satisfiable", Map.of("Content-Range", "bytes */" + total, "Content-Length", "0"));
                    return;
                }
                if (cfg.misalignedRanges) {
                    from = 0;
                }
                status = "206 Partial Content";
                headers.put("Content-Range", "bytes " + from + "-" + (total - 1) + "/" + total);
            }
        }
        int length = total - from;
        if (cfg.contentLength) {
            headers.put("Content-Length", String.valueOf(length));
        } else {
            headers.put("Transfer-Encoding", "chunked");
        }
        writeHead(out, status, headers);
        int attempt = bodyResponses.incrementAndGet();
        boolean drop = cfg.drop == Drop.ALWAYS || (cfg.drop == Drop.ONCE && attempt == 1);
        int end = drop ? from + length / 2 : total;
        for (int pos = from; pos < end; ) {
            int n = Math.min(cfg.chunkSize, end - pos);
            if (cfg.contentLength) {
                out.write(cfg.body, pos, n);
            } else {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(cfg.body, pos, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            pos += n;
            out.flush();
            if (!cfg.delayPerChunk.isZero()) {
                Thread.sleep(cfg.delayPerChunk);
            }
        }
        if (drop) {
            return; // the socket closes here, mid-body
        }
        if (!cfg.contentLength) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeHead(OutputStream out, String status, Map<String, String> headers) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Request readRequest(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (s.isEmpty()) {
                    break;
                }
                lines.add(s);
            } else {
                line.write(c);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String[] first = lines.getFirst().split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        return new Request(first[0], first.length > 1 ? first[1] : "/", Map.copyOf(headers));
    }
}
