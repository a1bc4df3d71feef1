package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** host:port entries are read as the engine reads them, so what a face checks is what the engine accepts. */
class HostPortTest {
    @Test
    void entriesAreNormalisedAsTheEngineKeepsThem() {
        assertThat(HostPort.parse("127.0.0.1:8080")).hasValueSatisfying(h -> assertThat(h.toString()).isEqualTo("127.0.0.1:8080"));
        assertThat(HostPort.parse(" LocalHost.:3000 ")).hasValueSatisfying(h -> assertThat(h.toString()).isEqualTo("localhost:3000"));
        assertThat(HostPort.parse("[::1]:8080")).hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("[::1]"));
        assertThat(HostPort.parse("192.168.1.20:65535")).isPresent();
    }

    @Test
    void anythingButHostColonPortIsRefused() {
        for (String bad : new String[] {"", "127.0.0.1", "http://127.0.0.1:8080", "127.0.0.1:8080/x", "127.0.0.1:0",
                "127.0.0.1:65536", "::1:8080", "a b:80", ".:80", "a..b:80", "host:port"}) {
            assertThat(HostPort.parse(bad)).as(bad).isEmpty();
        }
        assertThat(HostPort.parse(null)).isEmpty();
    }
}
