package dev.arcrun.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A live console's state. Any thread may {@link #append} lines into a lock-free sink; the lines reach the visible
 * list in batches on the UI thread: at most one drain is ever scheduled at a time, so a flood of lines costs a
 * handful of {@code runLater} calls, not one per line. The visible list is capped; the full log is core's log file.
 * Holds no Nodes.
 */
public final class ConsoleViewModel {
    public static final int DEFAULT_CAP = 5_000;

    private final Executor uiThread;
    private final int cap;
    private final Queue<ConsoleLine> sink = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ConsoleLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyLongWrapper hidden = new ReadOnlyLongWrapper(0);
    private volatile String logLocation = "";
    private final RunProgress progress = new RunProgress();

    /** @param uiThread {@code Platform::runLater} in the app; a test's own executor in tests */
    public ConsoleViewModel(Executor uiThread) {
        this(uiThread, DEFAULT_CAP);
    }

    public ConsoleViewModel(Executor uiThread, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1");
        }
        this.uiThread = uiThread;
        this.cap = cap;
    }

    /** Thread-safe; lines from one thread keep their order. */
    public void append(ConsoleLine line) {
        sink.add(line);
        // Whoever flips the flag schedules the drain; lines added meanwhile ride along with it.
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    public void append(String source, String text, dev.arcrun.core.deploy.LogLevel level) {
        append(ConsoleLine.of(source, text, level));
    }

    /** Empties the console (on the UI thread), e.g. before a new run. */
    public void clear() {
        sink.clear();
        lines.clear();
        hidden.set(0);
        progress.plan(0);
    }

    /** The whole run's progress shown above the lines (UI thread); planned by the page that starts the run. */
    public RunProgress progress() {
        return progress;
    }

    private void drain() {
        drainScheduled.set(false); // before polling: a line added after this point schedules its own drain
        List<ConsoleLine> batch = new ArrayList<>();
        for (ConsoleLine l; (l = sink.poll()) != null; ) {
            batch.add(l);
        }
        if (batch.isEmpty()) {
            return;
        }
        int overflow = lines.size() + batch.size() - cap;
        if (overflow <= 0) {
            lines.addAll(batch);
            return;
        }
        hidden.set(hidden.get() + overflow);
        // One change for the list to digest, not a removal and then an addition: a flood is one relayout per pulse.
        List<ConsoleLine> kept = new ArrayList<>(cap);
        if (batch.size() < cap) {
            kept.addAll(lines.subList(lines.size() - (cap - batch.size()), lines.size()));
            kept.addAll(batch);
        } else {
            kept.addAll(batch.subList(batch.size() - cap, batch.size()));
        }
        lines.setAll(kept);
    }

    /** The visible lines, oldest first, at most {@link #cap()}; changes only on the UI thread. */
    public ObservableList<ConsoleLine> lines() {
        return readOnlyLines;
    }

    /** How many earlier lines dropped out of the visible buffer (they are still in the log file). */
    public ReadOnlyLongProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    /** Where core keeps the full log (a folder or file), named when lines drop out of the visible buffer. */
    public void logLocation(String location) {
        this.logLocation = location == null ? "" : location;
    }

    public String logLocation() {
        return logLocation;
    }

    public int cap() {
        return cap;
    }

    /** The visible lines as plain text, one per line, for the clipboard. */
    public String allText() {
        StringBuilder sb = new StringBuilder();
        for (ConsoleLine l : lines) {
            sb.append(l.plain()).append('\n');
        }
        return sb.toString();
    }
}
