package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.Secret;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Credentials tab: names and dates of the stored credentials (the engine never gives values back), adding one
 * (the SDK encrypts the value before it leaves this computer) and deleting one.
 */
public final class CredentialsViewModel {
    /** The engine's rule for credential names, checked here so the user gets the reason before anything is sent. */

    private final EngineCalls calls;
    private final I18n i18n;
    private final PagedList<CredentialInfo> paged;
    private final ObservableList<CredentialInfo> credentials;
    private final SearchableList<CredentialInfo> shown;
    private final javafx.beans.value.ObservableValue<String> count;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newValue = new SimpleStringProperty("");
    private java.util.function.BiConsumer<String, Boolean> changed = (name, stored) -> { };
    private final javafx.beans.property.ObjectProperty<ListState> state =
            new javafx.beans.property.SimpleObjectProperty<>(ListState.LOADING);

    public CredentialsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        this.paged = new PagedList<>(calls, (c, limit, cursor, prefix) -> c.credentials().page(limit, cursor, prefix),
                CredentialInfo::name, state, PagedList.PAGE);
        this.credentials = paged.items();
        this.shown = new SearchableList<>(credentials, CredentialInfo::name);
        this.count = paged.countText(i18n);
        query.addListener((o, was, now) -> shown.search(now));
        connection.addListener((o, was, now) -> {
            paged.clear();
            calls.clear();
            refresh();
        });
    }

    /** Reads the first page again (what the tab shows on open); further pages come with {@link #loadMore()}. */
    public void refresh() {
        paged.first(list -> { });
    }

    /** The next page, after the loaded ones ("Load more", or the table scrolled to its end). */
    public void loadMore() {
        paged.more();
    }

    /** Asks the engine for the names starting with what is typed, when not all are loaded (the view calls it once typing pauses). */
    public void searchEngine() {
        paged.find(query.get());
    }

    /** Whether the engine has credentials after the loaded ones. */
    public ReadOnlyBooleanProperty moreProperty() { return paged.moreProperty(); }

    /** Whether the next page is on its way. */
    public ReadOnlyBooleanProperty loadingMoreProperty() { return paged.loadingMoreProperty(); }

    /** How many are loaded and whether more exist, in the user's language (empty before any). */
    public javafx.beans.value.ObservableValue<String> countProperty() { return count; }

    /** Shows a list as the engine gave it, as the whole list (also how the bench feeds a 10,000-entry index). */
    void show(List<CredentialInfo> list) {
        paged.showAll(list);
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
            return java.time.Instant.now();
        }, at -> {
            CredentialInfo was = credentials.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            paged.put(new CredentialInfo(name, was == null ? at : was.createdAt(), at)); // in place: no list read

            newName.set("");
            newValue.set("");
            calls.notice(i18n.get("dashboard.creds.added", name));
            changed.accept(name, true);
        });
    }

    public void delete(String name) {
        calls.clear();
        calls.call(c -> {
            c.credentials().delete(name);
            return name;
        }, gone -> {
            paged.remove(gone); // in place: no list read after a delete
            calls.notice(i18n.get("dashboard.creds.deleted", name));
            changed.accept(gone, false);
        });
    }

    /**
     * Called with a credential's name after it was added (true) or deleted (false): the Services tab updates which
     * services are set up without reading every credential again.
     */
    public void onChanged(java.util.function.BiConsumer<String, Boolean> r) {
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
