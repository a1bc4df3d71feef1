package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.EngineClient;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How a tab talks to the engine: one call at a time in the background, a busy flag, and one line of error or notice.
 * A result that arrives after the user switched installs is dropped, so one engine's data never shows under another.
 */
final class EngineCalls {
    private final TaskExecutor executor;
    private final ReadOnlyObjectProperty<Connection> connection;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private int pending;

    EngineCalls(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection) {
        this.executor = executor;
        this.connection = connection;
    }

    ReadOnlyObjectProperty<Connection> connection() {
        return connection;
    }

    /** Runs work on the engine of the current install; messages are left as they are (commands clear them). */
    <T> void call(Function<EngineClient, T> work, Consumer<T> done) {
        call(work, done, failure -> {
            details.set(Failures.details(failure));
            error.set(Failures.text(failure));
        });
    }

    /**
     * Loads a list and keeps {@code state} true to what it shows: loading while the call runs, unreachable with the
     * reason when it fails (the error line says it too); {@code done} sets empty or loaded from what it shows.
     */
    <T> void load(Function<EngineClient, T> work, Consumer<T> done, javafx.beans.property.ObjectProperty<ListState> state) {
        Connection at = connection.get();
        if (at == null || at.client() == null) {
            state.set(at == null ? ListState.EMPTY : new ListState.Unfinished());
            return;
        }
        state.set(ListState.LOADING);
        call(work, done, failure -> {
            String why = Failures.text(failure);
            details.set(Failures.details(failure));
            state.set(new ListState.Unreachable(why));
            error.set(why);
        });
    }

    <T> void call(Function<EngineClient, T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Connection at = connection.get();
        if (at == null || at.client() == null) {
            return; // no install, or one that never finished: nothing to ask
        }
        pending++;
        busy.set(true);
        executor.execute(() -> work.apply(at.client()), result -> {
            finish();
            if (connection.get() == at) {
                done.accept(result);
            }
        }, failure -> {
            finish();
            if (connection.get() == at) {
                failed.accept(failure);
            }
        });
    }

    private void finish() {
        pending--;
        busy.set(pending > 0);
    }

    void fail(String text) {
        notice.set("");
        details.set("");
        error.set(text);
    }

    void notice(String text) {
        error.set("");
        notice.set(text);
    }

    void clear() {
        error.set("");
        details.set("");
        notice.set("");
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The Details view of the error line: codes and raw messages (see {@link Failures#details(Throwable)}). */
    ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
