package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.StepId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallEventPrinterTest {
    private static final Words EN = new Words(Locale.ENGLISH);
    private static final Note FETCHED = Note.of(Note.Code.FETCHED, "1.2.0", 2, "abcdef012345");
    private final StringWriter buffer = new StringWriter();

    @Test
    void plainOutputHasNoRedrawsOrEscapeCodes() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), false, false, EN);
        p.on(new InstallEvent.Started(StepId.FETCH));
        p.on(new InstallEvent.Progress(StepId.FETCH, 0.5, Note.of(Note.Code.DOWNLOADING_OF, 12, 24, 3.5)));
        p.on(new InstallEvent.Succeeded(StepId.FETCH, FETCHED, Duration.ofMillis(1500)));
        assertThat(buffer.toString()).doesNotContain("\r", "\u001b", "12 MB")
                .contains("[ 5/13] Download and unpack the engine …", "✓ engine 1.2.0 (2 workers, sha256 abcdef012345…) (1.5 s)");
    }

    @Test
    void terminalRedrawsProgressAndClearsItBeforeTheNextLine() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), true, false, EN);
        p.on(new InstallEvent.Progress(StepId.FETCH, 0.5, Note.of(Note.Code.DOWNLOADING_OF, 12, 24, 3.5)));
        p.on(new InstallEvent.Failed(StepId.FETCH, Failure.of(Failure.Code.UNEXPECTED, "connection reset"), Advice.of(Advice.Code.RESUME)));
        assertThat(buffer.toString())
                .contains("[############            ]  50% 12 MB of 24 MB at 3.5 MB/s")
                .contains("\r\u001b[K[ 5/13] ✗ Something unexpected stopped this step: connection reset "
                        + "Run the install again with --resume; finished steps are not repeated.");
    }

    @Test
    void aWaitCloudflareAskedForIsALineInALogSoALongPauseIsNotTakenForAHang() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), false, false, EN);
        p.on(new InstallEvent.Started(StepId.PROVISION));
        p.on(new InstallEvent.Progress(StepId.PROVISION, -1, Note.of(Note.Code.CLOUDFLARE_WAITING,
                dev.arcrun.core.cloudflare.Operation.CREATE_KV_NAMESPACE, Duration.ofSeconds(60))));
        assertThat(buffer.toString()).contains("    " + EN.note(Note.of(Note.Code.CLOUDFLARE_WAITING,
                dev.arcrun.core.cloudflare.Operation.CREATE_KV_NAMESPACE, Duration.ofSeconds(60))) + "\n")
                .contains("1 min");
    }

    @Test
    void arcrunsOwnLogLinesFollowTheLocaleAndToolLinesKeepTheirWords() {
        var zh = new Words(Locale.forLanguageTag("zh-TW"));
        var p = new InstallEventPrinter(new PrintWriter(buffer), false, false, zh);
        dev.arcrun.core.deploy.LogLine own = dev.arcrun.core.deploy.LogLine.note("local-engine", dev.arcrun.core.deploy.LogLevel.INFO,
                Note.of(Note.Code.LOCAL_ANSWERS, "http://127.0.0.1:8787"));
        assertThat(own.text()).as("the log file's English").isEqualTo("The local engine answers at http://127.0.0.1:8787.");
        p.on(new InstallEvent.Log(StepId.START, own.worker(), own.text(), own.level(), own.note()));
        p.on(new InstallEvent.Log(StepId.START, "npm", "added 37 packages", dev.arcrun.core.deploy.LogLevel.INFO));
        assertThat(buffer.toString()).contains("local-engine | 本機引擎已在 http://127.0.0.1:8787 回應。", "npm | added 37 packages")
                .doesNotContain("The local engine answers");
    }

    @Test
    void aCancelIsACancelNotAFailure() {
        var p = new InstallEventPrinter(new PrintWriter(buffer), false, false, EN);
        p.on(new InstallEvent.Cancelled(StepId.DEPLOY));
        assertThat(buffer.toString()).contains("[ 9/13] ✗ Deploy the workers and their secrets: cancelled");
    }

    @Test
    void theCliFollowsTheLocaleAndWordsActionsAsCommands() {
        assertThat(Words.localeOf(Map.of("LANG", "zh_TW.UTF-8"))).isEqualTo(Locale.forLanguageTag("zh-TW"));
        assertThat(Words.localeOf(Map.of("LANG", "zh_TW.UTF-8", "LC_ALL", "C"))).as("LC_ALL wins").isEqualTo(Locale.ENGLISH);
        assertThat(Words.localeOf(Map.of("LC_MESSAGES", "zh_TW", "LANG", "en_US.UTF-8"))).isEqualTo(Locale.forLanguageTag("zh-TW"));
        assertThat(Words.localeOf(Map.of())).isEqualTo(Locale.ENGLISH);

        var zh = new Words(Words.localeOf(Map.of("LANG", "zh_TW.UTF-8")));
        var p = new InstallEventPrinter(new PrintWriter(buffer), false, false, zh);
        p.on(new InstallEvent.Started(StepId.VERIFY));
        p.on(new InstallEvent.Failed(StepId.VERIFY, Failure.of(Failure.Code.MISSING_PERMISSION, List.of(PermissionGroup.WORKERS_R2_STORAGE_EDIT)),
                Advice.of(Advice.Code.RESUME)));
        assertThat(buffer.toString()).contains("驗證 Cloudflare 權杖及其權限 …", "Cloudflare API 權杖缺少 Account › Workers R2 Storage › Edit 權限",
                "請加上 --resume 再執行一次安裝");
        assertThat(EN.advice(Advice.of(Advice.Code.FINISH_INSTALL, dev.arcrun.core.config.Target.LOCAL, "home")))
                .as("a target in a command is its flag value").isEqualTo("Finish it first with: arcrun install --target local --name home --resume");
    }

    @Test
    void aToolchainDownloadShowsBytesAndRateOnATerminalAndAFewPlainLinesElsewhere() {
        var t = new InstallEventPrinter(new PrintWriter(buffer), true, false, EN);
        t.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                java.util.Optional.of(new InstallEvent.Transfer(13L << 20, 52L << 20, 4.5 * (1 << 20)))));
        assertThat(buffer.toString()).contains("[######                  ]  25% Downloading Node.js and npm: 13.0 MiB of 52.0 MiB, 4.5 MiB/s");

        StringWriter piped = new StringWriter();
        var p = new InstallEventPrinter(new PrintWriter(piped), false, false, EN);
        for (int i = 0; i <= 52; i++) { // a progress event per MiB, as the downloader sends them
            p.on(new InstallEvent.Progress(StepId.TOOLCHAIN, i / 52.0, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                    java.util.Optional.of(new InstallEvent.Transfer((long) i << 20, 52L << 20, 1 << 20))));
        }
        p.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.5, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING), // the second file (npm)
                java.util.Optional.of(new InstallEvent.Transfer(1L << 20, 2L << 20, 1 << 20))));
        assertThat(piped.toString()).doesNotContain("\r", "\u001b")
                .contains("    Downloading Node.js and npm: 13.0 MiB of 52.0 MiB, 1.0 MiB/s", "    Downloading Node.js and npm: 26.0 MiB of 52.0 MiB, 1.0 MiB/s",
                        "    Downloading Node.js and npm: 39.0 MiB of 52.0 MiB, 1.0 MiB/s", "    Downloading Node.js and npm: 1.0 MiB of 2.0 MiB, 1.0 MiB/s");
        assertThat(piped.toString().lines()).hasSize(4);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of())).isTrue();
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(InstallEventPrinter.colourAllowed(java.util.Map.of("TERM", "dumb"))).isFalse();
        var p = new InstallEventPrinter(new PrintWriter(buffer), true, true, EN);
        Note ok = Note.of(Note.Code.TOOLCHAIN_READY, "22", "4");
        p.on(new InstallEvent.Succeeded(StepId.FETCH, ok, Duration.ZERO));
        assertThat(buffer.toString()).contains("\u001b[32m✓\u001b[0m node 22, wrangler 4");
        StringWriter piped = new StringWriter();
        new InstallEventPrinter(new PrintWriter(piped), false).on(new InstallEvent.Succeeded(StepId.FETCH, ok, Duration.ZERO));
        assertThat(piped.toString()).doesNotContain("\u001b");
    }
}
