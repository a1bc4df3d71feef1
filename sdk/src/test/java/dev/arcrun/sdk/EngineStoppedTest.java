package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A runtime that dies under a request, or answers a server error that is not the engine's API (wrangler dev and
 * miniflare send a plain-text stack), is a typed "engine not working" failure whose text shows none of that body.
 */
class EngineStoppedTest {
    private static final String STACK = "Error: The Workers runtime failed to start\n    at Miniflare.#assembleAndUpdateConfig "
            + "(/home/u/.cache/node_modules/miniflare/dist/src/index.js:41702:15)\n    at process.processTicksAndRejections";

    /** A server on 127.0.0.1 (port 0) that reads one request head and then does what {@code answer} says. */
    private static final class OneShot implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;

        OneShot(BiConsumer<Socket, OutputStream> answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        readHead(s.getInputStream());
                        answer.accept(s, s.getOutputStream());
                    } catch (IOException e) {
                        return; // closed by the test
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int b;
            while (matched < end.length && (b = in.read()) != -1) {
                matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static EngineClient client(String url) {
        return new EngineClient(new EngineSettings(EngineSettings.parseUrl(url), Secret.of("arc_SECRET_KEY_123"), null),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the client hung up
        }
    }

    @Test
    void aPlainTextServerErrorIsTheEngineNotWorkingAndItsStackIsNotShown() throws IOException {
        try (OneShot server = new OneShot((s, out) -> write(out, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + STACK.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + STACK))) {
            try (EngineClient c = client(server.url())) {
                assertThatThrownBy(() -> c.workflows().run("hello", JsonNodeFactory.instance.objectNode()))
                        .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
                            assertThat(e.reason()).isEqualTo(EngineUnavailableException.Reason.NOT_AN_API_ANSWER);
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.getMessage()).contains("is not working", "HTTP 503", "running a workflow")
                                    .doesNotContain("Miniflare", "    at", "index.js", "SECRET");
                            assertThat(e.advice()).contains("Start the engine again");
                        });
            }
        }
    }

    @Test
    void anHtmlPageFromAProxyIsNotAnApiAnswerEither() throws IOException {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        try (OneShot server = new OneShot((s, out) -> write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + html.length() + "\r\nConnection: close\r\n\r\n" + html))) {
            try (EngineClient c = client(server.url())) {
                assertThatThrownBy(() -> c.credentials().list()).isInstanceOf(EngineUnavailableException.class)
                        .hasMessageNotContaining("<h1>");
            }
        }
    }

    @Test
    void aRuntimeKilledMidAnswerIsTheEngineStopping() throws IOException {
        // headers promise a body; the connection closes half-way, as when workerd is killed during a run
        try (OneShot server = new OneShot((s, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 400\r\n\r\n{\"success\":true,\"run_id\":\"r1\",\"tra"))) {
            try (EngineClient c = client(server.url())) {
                assertThatThrownBy(() -> c.workflows().run("hello", null))
                        .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
                            assertThat(e.reason()).isEqualTo(EngineUnavailableException.Reason.STOPPED);
                            assertThat(e.getMessage()).contains("stopped before it answered", "running a workflow")
                                    .doesNotContain("IOException", "EOF", "SECRET");
                        });
            }
        }
    }

    @Test
    void aRuntimeKilledBeforeAnsweringIsTheEngineStopping() throws IOException {
        try (OneShot server = new OneShot((s, out) -> { /* closes without a byte */ })) {
            try (EngineClient c = client(server.url())) {
                assertThatThrownBy(() -> c.runs().list()).isInstanceOfSatisfying(EngineUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(EngineUnavailableException.Reason.STOPPED));
            }
        }
    }

    @Test
    void theEnginesOwnJsonServerErrorStaysAnApiError() throws IOException {
        String body = "{\"success\":false,\"error\":{\"code\":\"internal_error\",\"message\":\"The engine failed unexpectedly; its log says more.\"}}";
        try (OneShot server = new OneShot((s, out) -> write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body))) {
            try (EngineClient c = client(server.url())) {
                assertThatThrownBy(() -> c.credentials().list()).isInstanceOfSatisfying(EngineApiException.class,
                        e -> assertThat(e.code()).isEqualTo("internal_error"));
            }
        }
    }
}
