package dev.arcrun.app.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.LocalEngineControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Quitting with the engine on this computer, through the keep-running logic with a stand-in tray (no AWT). */
class KeepRunningTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final Engine engine = new Engine(true);
    private final FakeTray tray = new FakeTray(true, true);
    private final FakeApp app = new FakeApp();

    private KeepRunning.Outcome quit(Engine e, boolean keep, FakeTray t) {
        return new KeepRunning(e, () -> keep, t, app, Runnable::run, i18n).onQuit();
    }

    @Test
    void withKeepRunningOffQuittingStopsTheEngineThisAppStarted() {
        assertThat(quit(engine, false, tray)).isEqualTo(KeepRunning.Outcome.STOPPED);
        assertThat(engine.stops).isEqualTo(1);
        assertThat(tray.shown).isEmpty();
    }

    @Test
    void anEngineStartedByTheCliIsLeftRunningWhateverTheSetting() {
        Engine cli = new Engine(false);
        assertThat(quit(cli, false, tray)).isEqualTo(KeepRunning.Outcome.LEFT_ALONE);
        assertThat(quit(cli, true, tray)).isEqualTo(KeepRunning.Outcome.LEFT_ALONE);
        assertThat(cli.stops).isZero();
        assertThat(tray.shown).isEmpty();
    }

    @Test
    void withKeepRunningOnTheEngineRunsOnBehindATrayIconThatOpensTheWindowAgain() {
        assertThat(quit(engine, true, tray)).isEqualTo(KeepRunning.Outcome.KEPT_WITH_TRAY);
        assertThat(engine.stops).as("left running").isZero();
        assertThat(app.events).containsExactly("implicit-exit false");
        Shown icon = tray.shown.getFirst();
        assertThat(icon.tooltip).isEqualTo("Arcrun: the engine runs on this computer");
        assertThat(icon.open).isEqualTo("Open Arcrun");
        assertThat(icon.stop).isEqualTo("Stop the engine and quit");

        icon.onOpen.run();
        assertThat(icon.removed).isTrue();
        assertThat(app.events).containsExactly("implicit-exit false", "implicit-exit true", "show");
        assertThat(engine.stops).isZero();
    }

    @Test
    void theTraysStopStopsTheEngineRemovesTheIconAndQuits() {
        quit(engine, true, tray);
        Shown icon = tray.shown.getFirst();
        icon.onStop.run();
        assertThat(engine.stops).isEqualTo(1);
        assertThat(icon.removed).isTrue();
        assertThat(app.events).endsWith("exit");
    }

    @Test
    void whereThereIsNoTrayTheEngineKeepsRunningAndTheSettingSaysSo() {
        FakeTray none = new FakeTray(false, false);
        assertThat(quit(engine, true, none)).isEqualTo(KeepRunning.Outcome.KEPT_WITHOUT_TRAY);
        assertThat(engine.stops).isZero();
        assertThat(none.shown).isEmpty();
        assertThat(app.events).as("the app quits as usual").isEmpty();
        assertThat(i18n.get("background.notray")).contains("the engine keeps running until you stop it");
    }

    @Test
    void aTrayThatRefusesTheIconLetsTheAppQuitAsUsualWithTheEngineRunning() {
        FakeTray refusing = new FakeTray(true, false);
        assertThat(quit(engine, true, refusing)).isEqualTo(KeepRunning.Outcome.KEPT_WITHOUT_TRAY);
        assertThat(engine.stops).isZero();
        assertThat(app.events).containsExactly("implicit-exit false", "implicit-exit true");
    }

    static final class Shown implements Tray.Icon {
        String tooltip, open, stop;
        Runnable onOpen, onStop;
        boolean removed;

        @Override public void remove() { removed = true; }
    }

    static final class FakeTray implements Tray {
        final List<Shown> shown = new ArrayList<>();
        private final boolean supported;
        private final boolean accepts;

        FakeTray(boolean supported, boolean accepts) {
            this.supported = supported;
            this.accepts = accepts;
        }

        @Override public boolean supported() { return supported; }

        @Override public Optional<Icon> show(String tooltip, String openLabel, String stopLabel, Runnable open, Runnable stop) {
            if (!accepts) {
                return Optional.empty();
            }
            Shown s = new Shown();
            s.tooltip = tooltip;
            s.open = openLabel;
            s.stop = stopLabel;
            s.onOpen = open;
            s.onStop = stop;
            shown.add(s);
            return Optional.of(s);
        }
    }

    static final class FakeApp implements KeepRunning.App {
        final List<String> events = new ArrayList<>();

        @Override public void exitWhenLastWindowCloses(boolean exit) { events.add("implicit-exit " + exit); }

        @Override public void showWindow() { events.add("show"); }

        @Override public void exit() { events.add("exit"); }
    }

    static final class Engine implements LocalEngineControl {
        private final boolean startedHere;
        int stops;

        Engine(boolean startedHere) { this.startedHere = startedHere; }

        @Override public String start(Consumer<String> progress) { return "http://127.0.0.1:1"; }

        @Override public boolean stop() { stops++; return true; }

        @Override public boolean startedHere() { return startedHere; }
    }
}
