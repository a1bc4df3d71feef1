package dev.arcrun.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.bundle.BundleExtractor;
import dev.arcrun.core.bundle.DownloadEvent;
import dev.arcrun.core.bundle.FetchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void rendersOneOverwritingLineAndEndsItBeforeOtherMessages() {
        StringWriter sw = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(sw), dev.arcrun.cli.i18n.Words.ENGLISH);
        line.accept(new FetchEvent.Downloading(new DownloadEvent.Progress(512 * 1024, 2 * 1024 * 1024, 1_572_864)));
        line.accept(new FetchEvent.Downloading(new DownloadEvent.Retrying(2, 524_288,
                dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.DOWNLOAD_CUT_SHORT, 524_288, 2_097_152))));
        line.accept(new FetchEvent.Downloading(new DownloadEvent.Progress(3000, -1, 100)));
        line.accept(new FetchEvent.Downloading(new DownloadEvent.Finished(Path.of("x"), "ab", 3000, true)));
        line.accept(new FetchEvent.Extracting(new BundleExtractor.Progress(250, 4096)));
        assertThat(sw.toString()).isEqualTo((
                "\rDownloading 512.0 KiB of 2.0 MiB  1.5 MiB/s\u001b[K\n"
                        + "Connection dropped (the connection dropped after 524,288 of 2,097,152 bytes); trying again from 512.0 KiB.\n"
                        + "\rDownloading 2.9 KiB  100 B/s\u001b[K\n"
                        + "Using the cached download.\n"
                        + "\rExtracting: 250 entries, 4.0 KiB\u001b[K").replace("\n", System.lineSeparator()));
    }
}
