package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.StepId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstallEventPrinterTest {
    private final StringWriter buffer = new StringWriter();

    @Test
    void plainOutputHasNoRedrawsOrEscapeCodes() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), false);
        p.on(new InstallEvent.Started(StepId.FETCH));
        p.on(new InstallEvent.Progress(StepId.FETCH, 0.5, "12 MB of 24 MB"));
        p.on(new InstallEvent.Succeeded(StepId.FETCH, "engine 1.2.0 unpacked", Duration.ofMillis(1500)));
        assertThat(buffer.toString()).doesNotContain("\r", "\u001b", "12 MB")
                .contains("[ 5/13] Download and unpack the engine …", "✓ engine 1.2.0 unpacked (1.5 s)");
    }

    @Test
    void terminalRedrawsProgressAndClearsItBeforeTheNextLine() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), true, false);
        p.on(new InstallEvent.Progress(StepId.FETCH, 0.5, "12 MB of 24 MB"));
        p.on(new InstallEvent.Failed(StepId.FETCH, "The download stopped.", "Check the connection and run again with --resume."));
        assertThat(buffer.toString())
                .contains("[############            ]  50% 12 MB of 24 MB")
                .contains("\r\u001b[K[ 5/13] ✗ The download stopped. Check the connection and run again with --resume.");
    }

    @Test
    void aToolchainDownloadShowsBytesAndRateOnATerminalAndAFewPlainLinesElsewhere() {
        var t = new InstallEventPrinter(new PrintWriter(buffer), true, false);
        t.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, "",
                java.util.Optional.of(new InstallEvent.Transfer(13L << 20, 52L << 20, 4.5 * (1 << 20)))));
        assertThat(buffer.toString()).contains("[######                  ]  25% Downloading 13.0 MiB of 52.0 MiB, 4.5 MiB/s");

        StringWriter piped = new StringWriter();
        var p = new InstallEventPrinter(new PrintWriter(piped), false);
        for (int i = 0; i <= 52; i++) { // a progress event per MiB, as the downloader sends them
            p.on(new InstallEvent.Progress(StepId.TOOLCHAIN, i / 52.0, "",
                    java.util.Optional.of(new InstallEvent.Transfer((long) i << 20, 52L << 20, 1 << 20))));
        }
        p.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.5, "", // the second file (npm)
                java.util.Optional.of(new InstallEvent.Transfer(1L << 20, 2L << 20, 1 << 20))));
        assertThat(piped.toString()).doesNotContain("\r", "\u001b")
                .contains("    Downloading 13.0 MiB of 52.0 MiB, 1.0 MiB/s", "    Downloading 26.0 MiB of 52.0 MiB, 1.0 MiB/s",
                        "    Downloading 39.0 MiB of 52.0 MiB, 1.0 MiB/s", "    Downloading 1.0 MiB of 2.0 MiB, 1.0 MiB/s");
        assertThat(piped.toString().lines()).hasSize(4);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of())).isTrue();
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of("TERM", "dumb"))).isFalse();
        var p = new InstallEventPrinter(new PrintWriter(buffer), true, true);
        p.on(new InstallEvent.Succeeded(StepId.FETCH, "ok", Duration.ZERO));
        assertThat(buffer.toString()).contains("\u001b[32m✓\u001b[0m ok");
        StringWriter piped = new StringWriter();
        new InstallEventPrinter(new PrintWriter(piped), false).on(new InstallEvent.Succeeded(StepId.FETCH, "ok", Duration.ZERO));
        assertThat(piped.toString()).doesNotContain("\u001b");
    }
}
