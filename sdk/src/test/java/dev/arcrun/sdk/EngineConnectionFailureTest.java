package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the client says when there is no engine at all, or one that never answers (no engine behaviour involved). */
class EngineConnectionFailureTest {

    private static EngineSettings at(int port) {
        return new EngineSettings(EngineSettings.parseUrl("http://127.0.0.1:" + port), Secret.of("ak-SECRET-KEY"), null);
    }

    @Test
    void nothingListeningIsNotReachableWithAdvice() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EngineClient client = new EngineClient(at(port), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(client::health).isInstanceOfSatisfying(EngineUnreachableException.class, e -> {
            assertThat(e.getMessage()).contains("not reachable at http://127.0.0.1:" + port, "connection refused");
            // a library's advice names its own settings, not the arcrun CLI (the faces add their own advice)
            assertThat(e.advice()).contains("ARCRUN_API_URL").doesNotContain("arcrun ");
            assertThat(e.kind()).isEqualTo(ArcrunException.Kind.ENGINE_UNREACHABLE);
            assertThat(e.subject()).isEqualTo("http://127.0.0.1:" + port);
        });
        assertThatThrownBy(() -> client.credentials().list()).isInstanceOf(EngineUnreachableException.class)
                .hasMessageNotContaining("ak-SECRET-KEY");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket ignored = s.accept()) {
                    ignored.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed by the test
                }
            });
            EngineClient client = new EngineClient(at(s.getLocalPort()), Duration.ofMillis(300), Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.workflows().list()).isInstanceOf(EngineTimeoutException.class)
                    .hasMessageContaining("did not answer within").hasMessageContaining("(reading workflows)").hasMessageNotContaining("/webhooks").hasMessageNotContaining("ak-SECRET-KEY");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            acceptor.interrupt();
        }
    }
}
