package dev.arcrun.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.bundle.DownloadEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadLineTest {
    private final StringWriter buffer = new StringWriter();

    private void download(DownloadLine d) {
        d.accept(new DownloadEvent.Started(URI.create("http://127.0.0.1:1/node.tgz"), 40L << 20, false));
        for (int mib = 0; mib <= 40; mib += 2) {
            d.accept(new DownloadEvent.Progress((long) mib << 20, 40L << 20, 2 * (1 << 20)));
        }
        d.accept(new DownloadEvent.Finished(Path.of("node.tgz"), "ab", 40L << 20, false));
    }

    @Test
    void onATerminalOneRedrawnLineThatTheNextLineClosesFirst() {
        DownloadLine d = new DownloadLine(new PrintWriter(buffer), true);
        d.println("Checking the private toolchain (node and wrangler)…");
        download(d);
        d.println("Installing wrangler");
        assertThat(buffer.toString())
                .contains("\r    Downloading 20.0 MiB of 40.0 MiB, 2.0 MiB/s\u001b[K")
                .contains("\r\u001b[KDownloaded 40.0 MiB, checked.")
                .endsWith("Installing wrangler" + System.lineSeparator());
    }

    @Test
    void elsewherePlainLinesAtEachQuarterWithoutRedraws() {
        download(new DownloadLine(new PrintWriter(buffer), false));
        assertThat(buffer.toString()).doesNotContain("\r", "\u001b");
        assertThat(buffer.toString().lines()).containsExactly(
                "    Downloading 10.0 MiB of 40.0 MiB, 2.0 MiB/s",
                "    Downloading 20.0 MiB of 40.0 MiB, 2.0 MiB/s",
                "    Downloading 30.0 MiB of 40.0 MiB, 2.0 MiB/s",
                "Downloaded 40.0 MiB, checked.");
    }
}
