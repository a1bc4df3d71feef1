package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.Settings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The engine's plan limits on the Settings page: the outbound requests one run may make (the free plan allows 50)
 * and how many days runs are kept, each checked as typed against the range the engine accepts. An engine too old
 * to have them says so and leaves them read-only ({@link #availableProperty()}).
 */
public final class PlanLimitsViewModel {
    /** The ranges the engine accepts (engine/workers/cypher-executor/src/settings.ts). */
    static final int MAX_SUBREQUESTS = 10_000_000;
    static final int MAX_RETENTION_DAYS = 3650;
    /** Above this a run's record is kept truncated (the engine's run size budget; not a setting). */
    static final int RUN_BUDGET_MIB = 25;

    private final EngineCalls calls;
    private final I18n i18n;
    private final StringProperty subrequests = new SimpleStringProperty("");
    private final StringProperty retention = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<ListState> state = new SimpleObjectProperty<>(ListState.LOADING);
    private final StringBinding problem;

    public PlanLimitsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        problem = Bindings.createStringBinding(this::check, subrequests, retention);
        connection.addListener((o, was, now) -> {
            subrequests.set("");
            retention.set("");
            available.set(false);
            calls.clear();
            refresh();
        });
    }

    public void refresh() {
        calls.load(c -> c.engineSettings().get(), this::show, state);
    }

    private void show(Settings s) {
        available.set(s.maxSubrequestsPerRun() != null && s.runRetentionDays() != null);
        subrequests.set(s.maxSubrequestsPerRun() == null ? "" : String.valueOf(s.maxSubrequestsPerRun()));
        retention.set(s.runRetentionDays() == null ? "" : String.valueOf(s.runRetentionDays()));
        state.set(ListState.of(java.util.List.of(s)));
    }

    /** Empty when both are whole numbers in the engine's range; otherwise the first that is not, in plain words. */
    private String check() {
        if (!available.get()) {
            return "";
        }
        if (whole(subrequests.get(), MAX_SUBREQUESTS) == null) {
            return i18n.get("settings.limits.subrequests.error", MAX_SUBREQUESTS);
        }
        if (whole(retention.get(), MAX_RETENTION_DAYS) == null) {
            return i18n.get("settings.limits.retention.error", MAX_RETENTION_DAYS);
        }
        return "";
    }

    private static Integer whole(String text, int max) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (!t.matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(t);
        return v >= 1 && v <= max ? v : null;
    }

    /** Sends both limits; what the engine keeps is shown back. */
    public void save() {
        String bad = problem.get();
        if (!bad.isEmpty()) {
            calls.fail(bad);
            return;
        }
        int sub = whole(subrequests.get(), MAX_SUBREQUESTS);
        int days = whole(retention.get(), MAX_RETENTION_DAYS);
        calls.clear();
        calls.call(c -> c.engineSettings().limits(sub, days), kept -> {
            show(kept);
            calls.notice(i18n.get("settings.limits.saved", kept.maxSubrequestsPerRun(), kept.runRetentionDays()));
        }, failure -> {
            String reason = Failures.engineReason(failure);
            calls.fail(reason != null ? i18n.get("settings.limits.refused", reason) : Failures.text(failure));
        });
    }

    /** The outbound requests one run may make, as typed. */
    public StringProperty subrequestsProperty() { return subrequests; }

    /** The days runs are kept, as typed. */
    public StringProperty retentionProperty() { return retention; }

    /** The first problem with what is typed, or empty. */
    public javafx.beans.value.ObservableStringValue problemProperty() { return problem; }

    /** Whether the engine has these settings (an older one does not). */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
