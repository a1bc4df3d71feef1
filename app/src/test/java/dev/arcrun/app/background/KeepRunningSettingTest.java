package dev.arcrun.app.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.LocalEngineControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "keep running in the background" choice is remembered, and quitting honours it. */
class KeepRunningSettingTest {
    @TempDir
    Path folder;

    @Test
    void offUntilChosenThenRememberedAcrossStarts() throws Exception {
        assertThat(KeepRunningSetting.load(folder).get()).isFalse();
        KeepRunningSetting.load(folder).keepRunningProperty().set(true);
        assertThat(KeepRunningSetting.load(folder).get()).isTrue();
        Files.writeString(folder.resolve(KeepRunningSetting.FILE), "{not json");
        assertThat(KeepRunningSetting.load(folder).get()).as("a damaged file reads as off").isFalse();
    }

    @Test
    void quittingStopsTheEngineThisAppStartedUnlessItIsKeptRunning() throws Exception {
        Engine engine = new Engine(true);
        Background.onClose(folder, null, engine, new I18n(Locale.ENGLISH));
        assertThat(engine.stopped.await(10, TimeUnit.SECONDS)).as("stopped on quit").isTrue();

        KeepRunningSetting.load(folder).keepRunningProperty().set(true);
        Engine kept = new Engine(true);
        Background.onClose(folder, null, kept, new I18n(Locale.ENGLISH)); // headless here: no tray, it keeps running
        assertThat(kept.stopped.getCount()).isEqualTo(1);

        Engine cli = new Engine(false);
        KeepRunningSetting.load(folder).keepRunningProperty().set(false);
        Background.onClose(folder, null, cli, new I18n(Locale.ENGLISH));
        assertThat(cli.stopped.getCount()).as("started by the CLI: keeps running").isEqualTo(1);
    }

    private static final class Engine implements LocalEngineControl {
        final CountDownLatch stopped = new CountDownLatch(1);
        private final boolean startedHere;

        Engine(boolean startedHere) {
            this.startedHere = startedHere;
        }

        @Override public String start(Consumer<String> progress) { return "http://127.0.0.1:1"; }

        @Override public boolean stop() {
            stopped.countDown();
            return true;
        }

        @Override public boolean startedHere() { return startedHere; }
    }
}
