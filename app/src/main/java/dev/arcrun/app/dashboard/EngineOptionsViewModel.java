package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The engine's own settings on the Settings page: which {@code host:port} pairs on this computer or a private network
 * workflows may reach (every other private address is refused by the engine), one per line.
 */
public final class EngineOptionsViewModel {
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):\\d{1,5}$");

    private final EngineCalls calls;
    private final I18n i18n;
    private final StringProperty hosts = new SimpleStringProperty("");
    private final ObjectProperty<ListState> state = new SimpleObjectProperty<>(ListState.LOADING);

    public EngineOptionsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        connection.addListener((o, was, now) -> {
            hosts.set("");
            calls.clear();
            refresh();
        });
    }

    public void refresh() {
        calls.load(c -> c.allowPrivateHosts(), list -> {
            hosts.set(String.join("\n", list));
            state.set(ListState.of(list));
        }, state);
    }

    /** Empty when every line is a {@code host:port}; otherwise the first line that is not, and what to write. */
    public String check(String text) {
        for (String line : lines(text)) {
            if (!HOST_PORT.matcher(line).matches() || port(line) > 65535) {
                return i18n.get("settings.hosts.error", line);
            }
        }
        return "";
    }

    private static int port(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    static List<String> lines(String text) {
        return Arrays.stream((text == null ? "" : text).split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    /** Sends the list to the engine; what it keeps (normalised, without repeats) is shown back. */
    public void save() {
        String problem = check(hosts.get());
        if (!problem.isEmpty()) {
            calls.fail(problem);
            return;
        }
        List<String> wanted = lines(hosts.get());
        calls.clear();
        calls.call(c -> c.setAllowPrivateHosts(wanted), kept -> {
            hosts.set(String.join("\n", kept));
            calls.notice(kept.isEmpty() ? i18n.get("settings.hosts.saved_none") : i18n.get("settings.hosts.saved", kept.size()));
        }, failure -> {
            String reason = Failures.engineReason(failure);
            calls.fail(reason != null ? i18n.get("settings.hosts.refused", reason) : Failures.text(failure));
        });
    }

    /** One {@code host:port} a line; the view's text area is bound to it. */
    public StringProperty hostsProperty() { return hosts; }

    /** Loading, unreachable (the engine does not answer) or loaded. */
    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
