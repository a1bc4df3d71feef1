package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.ServiceSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The Services tab: the engine's auth recipes, filtered by what the user types, and setting one up (a form made
 * from the recipe's required secrets, stored as encrypted credentials).
 */
public final class ServicesViewModel {
    private final EngineCalls calls;
    private final I18n i18n;
    private final ObservableList<ServiceSummary> all = FXCollections.observableArrayList();
    private final FilteredList<ServiceSummary> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableSet<String> stored = FXCollections.observableSet();
    private Runnable credentialsChanged = () -> { };
    private final javafx.beans.property.ObjectProperty<ListState> state =
            new javafx.beans.property.SimpleObjectProperty<>(ListState.LOADING);

    public ServicesViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        filter.addListener((o, was, now) -> shown.setPredicate(s -> matches(s, now)));
        connection.addListener((o, was, now) -> {
            all.clear();
            calls.clear();
            refresh();
        });
    }

    /** Reads the services, and the stored credential names to tell which services are set up. */
    public void refresh() {
        calls.load(c -> new Loaded(c.services().list(), c.credentials().list().stream().map(CredentialInfo::name).toList()), l -> {
            stored.clear();
            stored.addAll(l.credentials());
            all.setAll(l.services().stream().sorted(Comparator.comparing(ServicesViewModel::title, String.CASE_INSENSITIVE_ORDER)).toList());
            state.set(ListState.of(all));
        }, state);
    }

    /** Loading, empty, unreachable or loaded: what the list shows in place of rows. */
    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    private record Loaded(List<ServiceSummary> services, List<String> credentials) {}

    /** Re-reads which credentials exist (another tab added or deleted one). */
    public void credentialsChanged() {
        calls.call(c -> c.credentials().list().stream().map(CredentialInfo::name).toList(), names -> {
            stored.clear();
            stored.addAll(names);
        });
    }

    /** One credential was stored or deleted on the Credentials tab: the set is updated in place, nothing is read. */
    public void credentialChanged(String name, boolean isStored) {
        if (isStored) {
            stored.add(name);
        } else {
            stored.remove(name);
        }
    }

    /** Whether every secret the service needs is stored. */
    public boolean isSetUp(ServiceSummary s) {
        return !s.requiredSecrets().isEmpty() && s.requiredSecrets().stream().allMatch(r -> stored.contains(r.key()));
    }

    /** The credential names stored; the view listens to redraw the status column. */
    public ObservableSet<String> storedCredentials() { return stored; }

    /** Called after a setup stored credentials (the Credentials tab refreshes). */
    public void onCredentialsChanged(Runnable r) {
        this.credentialsChanged = r;
    }

    /** Display name, service id or a host contains the text, ignoring case. */
    static boolean matches(ServiceSummary s, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return true;
        }
        return title(s).toLowerCase(Locale.ROOT).contains(t) || s.service().toLowerCase(Locale.ROOT).contains(t)
                || s.hosts().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).contains(t));
    }

    static String title(ServiceSummary s) {
        return s.displayName() == null || s.displayName().isBlank() ? s.service() : s.displayName();
    }

    /** Fetches the service's recipe and hands its form to {@code open} (the view shows it as a dialog). */
    public void startSetup(String service, Consumer<SetupForm> open) {
        calls.clear();
        calls.call(c -> SetupForm.of(c.services().recipe(service)), open);
    }

    /**
     * Saves the dialog's values. Returns false (with the reason shown) when a field is empty, so the dialog stays
     * open; otherwise stores them in the background.
     */
    public boolean save(SetupForm form, Map<String, String> typed) {
        if (!form.missing(typed).isEmpty()) {
            calls.fail(i18n.get("dashboard.services.error.missing"));
            return false;
        }
        var values = form.values(typed);
        calls.clear();
        calls.call(c -> c.services().setup(form.recipe(), values),
                keys -> {
                    stored.addAll(keys);
                    calls.notice(i18n.get("dashboard.services.saved", form.recipe().displayName(), String.join(", ", keys)));
                    credentialsChanged.run();
                });
        return true;
    }

    public ObservableList<ServiceSummary> services() { return shown; }

    public StringProperty filterProperty() { return filter; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    /** The Details view of the error (the engine's code, the raw message). */
    public ReadOnlyStringProperty errorDetailsProperty() { return calls.detailsProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
