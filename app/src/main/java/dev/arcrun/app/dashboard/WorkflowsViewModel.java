package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Workflows tab's list: the stored workflows, adding one from a JSON file, deleting one, and which is selected. */
public final class WorkflowsViewModel {
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final EngineCalls calls;
    private final I18n i18n;
    private final ObservableList<WorkflowSummary> workflows = FXCollections.observableArrayList();
    private final ObjectProperty<WorkflowSummary> selected = new SimpleObjectProperty<>();

    private final javafx.beans.property.ObjectProperty<ListState> state =
            new javafx.beans.property.SimpleObjectProperty<>(ListState.LOADING);

    public WorkflowsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        connection.addListener((o, was, now) -> {
            workflows.clear();
            selected.set(null);
            calls.clear();
            refresh();
        });
    }

    public void refresh() {
        calls.load(c -> c.workflows().list(), list -> show(list, selected.get() == null ? null : selected.get().name()),
                state);
    }

    /** Loading, empty, unreachable or loaded: what the list shows in place of rows. */
    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    private void show(List<WorkflowSummary> list, String select) {
        workflows.setAll(list.stream().sorted(Comparator.comparing(WorkflowSummary::name)).toList());
        state.set(ListState.of(workflows));
        selected.set(workflows.stream().filter(w -> w.name().equals(select)).findFirst().orElse(null));
    }

    /** Reads the file in the background, checks it is JSON, and stores it; the engine's reason is shown when it refuses. */
    public void addFromFile(Path file) {
        calls.clear();
        calls.call(c -> {
            String name = c.workflows().push(read(file));
            return new Pushed(name, c.workflows().list());
        }, p -> {
            show(p.list(), p.name());
            calls.notice(i18n.get("dashboard.workflows.added", p.name()));
        }, failure -> {
            String reason = Failures.engineReason(failure);
            calls.fail(reason != null ? i18n.get("dashboard.workflows.error.refused", reason) : Failures.text(failure));
        });
    }

    private record Pushed(String name, List<WorkflowSummary> list) {}

    private JsonNode read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserFacingException(i18n.get("dashboard.workflows.error.too_big", file.getFileName()), "");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserFacingException(i18n.get("dashboard.workflows.error.unreadable", file.getFileName()), "");
        }
        return switch (JsonText.parse(text)) {
            case JsonText.Good g -> g.value();
            case JsonText.Bad b -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.not_json", file.getFileName(), b.line(), b.column(), b.reason()), "");
        };
    }

    public void delete(String name) {
        calls.clear();
        calls.call(c -> {
            c.workflows().delete(name);
            return c.workflows().list();
        }, list -> {
            show(list, null);
            calls.notice(i18n.get("dashboard.workflows.deleted", name));
        });
    }

    public ObservableList<WorkflowSummary> workflows() { return workflows; }

    /** The workflow the run panel works on; the view's list writes it. */
    public ObjectProperty<WorkflowSummary> selectedProperty() { return selected; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    /** The Details view of the error (the engine's code, the raw message). */
    public ReadOnlyStringProperty errorDetailsProperty() { return calls.detailsProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
