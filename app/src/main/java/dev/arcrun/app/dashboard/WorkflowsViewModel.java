package dev.arcrun.app.dashboard;

import dev.arcrun.core.workflow.JsonDocument;
import dev.arcrun.core.workflow.WorkflowFile;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.workflow.DataDestinations;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Workflows tab's list: the stored workflows, adding one from a JSON file or the examples (after the data-leaving
 * notice when it sends data out), deleting one, and which is selected.
 */
public final class WorkflowsViewModel {

    private final EngineCalls calls;
    private final I18n i18n;
    private final PagedList<WorkflowSummary> paged;
    private final ObservableList<WorkflowSummary> workflows;
    private final SearchableList<WorkflowSummary> shown;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<WorkflowSummary> selected = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<PendingPush> pending = new ReadOnlyObjectWrapper<>();
    private java.util.function.BiConsumer<String, JsonNode> added = (name, input) -> {};

    private final javafx.beans.property.ObjectProperty<ListState> state =
            new javafx.beans.property.SimpleObjectProperty<>(ListState.LOADING);
    private final javafx.beans.value.ObservableValue<String> count;

    public WorkflowsViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        this.paged = new PagedList<>(calls, (c, limit, cursor, prefix) -> c.workflows().page(limit, cursor, prefix),
                WorkflowSummary::name, state, PagedList.PAGE);
        this.workflows = paged.items();
        this.shown = new SearchableList<>(workflows, WorkflowSummary::name);
        this.count = paged.countText(i18n);
        query.addListener((o, was, now) -> shown.search(now));
        connection.addListener((o, was, now) -> {
            paged.clear();
            selected.set(null);
            pending.set(null);
            calls.clear();
            refresh();
        });
    }

    /** Reads the first page again (what the tab shows on open); further pages come with {@link #loadMore()}. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().name();
        paged.first(list -> select(keep));
    }

    /** The next page, after the loaded ones ("Load more", or the list scrolled to its end). */
    public void loadMore() {
        paged.more();
    }

    /**
     * Asks the engine for the workflows whose name starts with what is typed, when not all are loaded; the loaded
     * ones are searched at once as the user types (the view calls this once typing pauses).
     */
    public void searchEngine() {
        paged.find(query.get());
    }

    /** Whether the engine has workflows after the loaded ones. */
    public ReadOnlyBooleanProperty moreProperty() { return paged.moreProperty(); }

    /** Whether the next page is on its way. */
    public ReadOnlyBooleanProperty loadingMoreProperty() { return paged.loadingMoreProperty(); }

    /** How many are loaded and whether more exist, in the user's language (empty before any). */
    public javafx.beans.value.ObservableValue<String> countProperty() { return count; }

    private void select(String name) {
        selected.set(name == null ? null : workflows.stream().filter(w -> w.name().equals(name)).findFirst().orElse(null));
    }

    /** Loading, empty, unreachable or loaded: what the list shows in place of rows. */
    public javafx.beans.value.ObservableValue<ListState> stateProperty() { return state; }

    /** Shows a list as the engine gave it, selecting {@code select} when it is there (the bench feeds one too). */
    void show(List<WorkflowSummary> list, String select) {
        paged.showAll(list);
        select(select);
    }

    /**
     * Reads the file in the background and checks it is JSON; when it sends data out of the engine the user is asked
     * first ({@link #pendingProperty()}), otherwise it is stored at once. The engine's reason is shown when it refuses.
     */
    public void addFromFile(Path file) {
        calls.clear();
        calls.call(c -> prepare(c, read(file), null), this::offer);
    }

    /** Adds a workflow the user wrote or pasted in the editor (already checked there), after the same notice. */
    public void addWritten(JsonNode workflow) {
        calls.clear();
        calls.call(c -> prepare(c, workflow, null), this::offer);
    }

    /** Adds a shipped example, to be opened with its sample input (the same notice first when it sends data out). */
    void tryExample(Examples.Example example) {
        calls.clear();
        calls.call(c -> prepare(c, example.workflow(), example.input()), this::offer);
    }

    /**
     * A workflow waiting for the user's yes: where it sends data, read from its steps and the API recipes they use.
     *
     * @param input the sample input to open it with (an example), or null
     */
    public record PendingPush(String name, JsonNode workflow, List<DataDestinations.Destination> destinations, JsonNode input) {}

    private PendingPush prepare(EngineClient c, JsonNode workflow, JsonNode input) {
        Map<String, JsonNode> recipes = new HashMap<>();
        boolean usesOthers = false;
        for (JsonNode step : workflow.path("steps")) {
            usesOthers |= !BUILTINS.contains(step.path("component").asText(""));
        }
        if (usesOthers) { // only a step beyond the builtins can be an API recipe
            for (JsonNode r : c.apiRecipes()) {
                recipes.put(r.path("id").asText(), r);
            }
        }
        return new PendingPush(workflow.path("name").asText(""), workflow, DataDestinations.of(workflow, recipes), input);
    }

    private static final java.util.Set<String> BUILTINS = java.util.Set.of("template", "pick", "if", "http_request");

    private void offer(PendingPush p) {
        if (p.destinations().isEmpty()) {
            push(p); // nothing leaves the engine: nothing to ask
        } else {
            pending.set(p);
        }
    }

    /** The user read the notice and agreed: store the workflow. */
    public void confirmPush() {
        PendingPush p = pending.get();
        pending.set(null);
        if (p != null) {
            push(p);
        }
    }

    /** The user declined: nothing is stored. */
    public void cancelPush() {
        PendingPush p = pending.get();
        pending.set(null);
        if (p != null) {
            calls.notice(i18n.get("dashboard.leaving.cancelled", p.name()));
        }
    }

    /** The workflow waiting for the data-leaving notice's answer, or null. */
    public ReadOnlyObjectProperty<PendingPush> pendingProperty() { return pending.getReadOnlyProperty(); }

    /** Called with a workflow just added and its sample input (null for one from a file), before it is selected. */
    void onAdded(java.util.function.BiConsumer<String, JsonNode> listener) {
        this.added = listener;
    }

    private void push(PendingPush p) {
        calls.call(c -> c.workflows().push(p.workflow()), name -> {
            added.accept(name, p.input());
            paged.put(summary(name, p.workflow())); // in place: no list read after a push
            select(name);
            calls.notice(i18n.get("dashboard.workflows.added", name));
        }, failure -> {
            String reason = Failures.engineReason(failure);
            calls.fail(reason != null ? i18n.get("dashboard.workflows.error.refused", reason) : Failures.text(failure));
        });
    }

    /** The row of a workflow just stored, as the engine's list would give it. */
    private static WorkflowSummary summary(String name, JsonNode workflow) {
        return new WorkflowSummary(name, workflow.path("description").asText(""), workflow.path("steps").size(),
                java.time.Instant.now());
    }

    private JsonNode read(Path file) {
        return switch (WorkflowFile.read(file)) {
            case WorkflowFile.Good g -> g.value();
            case WorkflowFile.TooLarge t -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.too_big", file.getFileName()), "");
            case WorkflowFile.Missing m -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.unreadable", file.getFileName()), "");
            case WorkflowFile.Unreadable u -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.unreadable", file.getFileName()), "");
            case WorkflowFile.NotJson(JsonDocument.Bad b) -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.not_json", file.getFileName(), b.line(), b.column(), b.reason()), "");
            case WorkflowFile.NotJson n -> throw new UserFacingException(
                    i18n.get("dashboard.workflows.error.not_object", file.getFileName()), "");
        };
    }

    public void delete(String name) {
        calls.clear();
        calls.call(c -> {
            c.workflows().delete(name);
            return name;
        }, gone -> {
            paged.remove(gone); // in place: no list read after a delete
            if (selected.get() != null && selected.get().name().equals(gone)) {
                selected.set(null);
            }
            calls.notice(i18n.get("dashboard.workflows.deleted", name));
        });
    }

    public ObservableList<WorkflowSummary> workflows() { return workflows; }

    /** The rows the search leaves; the view shows these. */
    public ObservableList<WorkflowSummary> shown() { return shown.shown(); }

    /** The words searched for by name; the view's search field is bound to it. */
    public StringProperty queryProperty() { return query; }

    /** The workflow the run panel works on; the view's list writes it. */
    public ObjectProperty<WorkflowSummary> selectedProperty() { return selected; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    /** The Details view of the error (the engine's code, the raw message). */
    public ReadOnlyStringProperty errorDetailsProperty() { return calls.detailsProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return calls.noticeProperty(); }
}
