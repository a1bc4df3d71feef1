package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.Secret;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Credentials tab: names and dates of the stored credentials (the engine never gives values back), adding one
 * (the SDK encrypts the value before it leaves this computer) and deleting one.
 */
public final class CredentialsViewModel {
    /** The engine's rule for credential names, checked here so the user gets the reason before anything is sent. */

    private final EngineCalls calls;
    private final I18n i18n;
    private final ObservableList<CredentialInfo> credentials = FXCollections.observableArrayList();
    private final SearchableList<CredentialInfo> shown = new SearchableList<>(credentials, CredentialInfo::name);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newValue = new SimpleStringProperty("");
    private Runnable changed = () -> { };
    private final javafx.beans.property.ObjectProperty<ListState> state =
            new javafx.beans.property.SimpleObjectProperty<>(ListState.LOADING);

    public CredentialsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        query.addListener((o, was, now) -> shown.search(now));
        connection.addListener((o, was, now) -> {
            credentials.clear();
            calls.clear();
            refresh();
        });
    }

    public void refresh() {
        calls.load(c -> c.credentials().list(), this::show, state);
    }

    /** Shows a list as the engine gave it (also how the bench feeds a 10,000-entry index). */
    void show(List<CredentialInfo> list) {
        credentials.setAll(list.stream().sorted(Comparator.comparing(CredentialInfo::name)).toList());
        state.set(ListState.of(credentials));
    }

    /** Loading, empty, unreachable or loaded: what the list shows in place of rows. */
    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    /**
     * Stores the typed value under the typed name. The value field is emptied once the engine has it; a name to fix
     * or an engine that did not answer keeps it, so it need not be pasted again (it never leaves this field and the
     * engine call).
     */
    public void add() {
        String name = newName.get() == null ? "" : newName.get().strip();
        String value = newValue.get() == null ? "" : newValue.get();
        if (name.isEmpty()) {
            calls.fail(i18n.get("dashboard.creds.error.no_name"));
            return;
        }
        if (!dev.arcrun.core.workflow.CredentialName.isValid(name)) {
            calls.fail(i18n.get("dashboard.creds.error.bad_name"));
            return;
        }
        if (value.isBlank()) {
            calls.fail(i18n.get("dashboard.creds.error.no_value"));
            return;
        }
        calls.clear();
        Secret secret = Secret.of(value);
        calls.call(c -> {
            c.credentials().push(name, secret);
            return c.credentials().list();
        }, list -> {
            show(list);
            newName.set("");
            newValue.set("");
            calls.notice(i18n.get("dashboard.creds.added", name));
            changed.run();
        });
    }

    public void delete(String name) {
        calls.clear();
        calls.call(c -> {
            c.credentials().delete(name);
            return c.credentials().list();
        }, list -> {
            show(list);
            calls.notice(i18n.get("dashboard.creds.deleted", name));
            changed.run();
        });
    }

    /** Called after a credential was added or deleted (the Services tab re-checks which services are set up). */
    public void onChanged(Runnable r) {
        this.changed = r;
    }

    public ObservableList<CredentialInfo> credentials() { return credentials; }

    /** The rows the search leaves; the view shows these. */
    public ObservableList<CredentialInfo> shown() { return shown.shown(); }

    /** The words searched for by name; the view's search field is bound to it. */
    public StringProperty queryProperty() { return query; }

    public StringProperty newNameProperty() { return newName; }

    /** Bound to a PasswordField; emptied once the credential is stored. */
    public StringProperty newValueProperty() { return newValue; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    /** The Details view of the error (the engine's code, the raw message). */
    public ReadOnlyStringProperty errorDetailsProperty() { return calls.detailsProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
