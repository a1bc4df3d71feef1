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
