package dev.arcrun.testkit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1, port 0, that records every request and answers 200 with a JSON echo of it
 * ({@code method}, {@code path}, {@code headers}, {@code body}). The echo lets a test prove that a caller hides what
 * the server saw (e.g. an injected credential header). Stop it with {@link #close()}.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as the server received it; header names are lower-case. */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private RecordingHttpServer(HttpServer server) {
        this.server = server;
    }

    public static RecordingHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingHttpServer recording = new RecordingHttpServer(server);
            server.createContext("/", recording::handle);
            server.setExecutor(recording.executor);
            server.start();
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Recorded recorded = new Recorded(exchange.getRequestMethod(), path, Map.copyOf(headers), body);
            requests.add(recorded);
            ObjectNode echo = JSON.createObjectNode().put("method", recorded.method()).put("path", path).put("body", body);
            ObjectNode echoed = echo.putObject("headers");
            headers.forEach(echoed::put);
            byte[] out = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
