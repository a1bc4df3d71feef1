package dev.arcrun.app.dashboard;

import dev.arcrun.core.workflow.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.sdk.RunRecord;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.RunStatus;
import dev.arcrun.sdk.RunSummary;
import dev.arcrun.sdk.StepError;
import dev.arcrun.sdk.TraceStep;
import dev.arcrun.sdk.WorkflowSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Running the selected workflow: the input as JSON (checked as the user types, and again before sending), the run's
 * trace and output, and the workflow's recent runs, any of which can be opened to see its trace.
 */
public final class RunViewModel {
    private final EngineCalls calls;
    private final I18n i18n;
    private final ObservableValue<WorkflowSummary> workflow;
    private final StringProperty input = new SimpleStringProperty("{}");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    private final ObservableList<TraceRow> trace = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runDetails = new ReadOnlyStringWrapper("");
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    /** Runs a page asks for: the engine's own first page. */
    static final int RUNS_PAGE = 50;
    private final javafx.beans.property.ReadOnlyBooleanWrapper older = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private String olderCursor;
    /** Which first page of runs is shown: a page for another workflow, or an older first page, is dropped. */
    private int runsGeneration;

    public RunViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection,
                        ObservableValue<WorkflowSummary> workflow, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        this.workflow = workflow;
        input.addListener((o, was, now) -> inputError.set(check(now)));
        connection.addListener((o, was, now) -> kept.clear()); // another engine: its workflows are others
        workflow.addListener((o, was, now) -> {
            if (was == null || now == null || !was.name().equals(now.name())) {
                if (was != null) {
                    kept.put(was.name(), new Kept(input.get(), List.copyOf(trace), output.get(), status.get(), summary.get()));
                }
                restore(now == null ? null : kept.get(now.name()));
                runs.clear();
                calls.clear();
                refreshRuns();
            }
        });
    }

    /** Empty when the text is a JSON object; otherwise where and why it is not. */
    String check(String text) {
        return switch (JsonDocument.parseObject(text)) {
            case JsonDocument.Good g -> "";
            case JsonDocument.NotAnObject n -> i18n.get("dashboard.run.error.not_object");
            case JsonDocument.Bad b -> i18n.get("dashboard.run.error.bad_json", b.line(), b.column(), b.reason());
        };
    }

    public void run() {
        WorkflowSummary w = workflow.getValue();
        if (w == null) {
            calls.fail(i18n.get("dashboard.run.error.no_workflow"));
            return;
        }
        String problem = check(input.get());
        if (!problem.isEmpty()) {
            calls.fail(problem);
            return;
        }
        JsonNode value = ((JsonDocument.Good) JsonDocument.parseObject(input.get())).value();
        calls.clear();
        clearResult();
        calls.call(c -> {
            RunResult r = c.workflows().run(w.name(), value);
            return Ready.of(r, failure(c, r.error(), r.trace()));
        }, (Ready<RunResult> ready) -> {
            RunResult r = ready.answer();
            show(r.runId(), r.status() != null ? r.status() : r.success() ? RunStatus.OK : RunStatus.ERROR,
                    ready.failure(), ready.rows(), ready.output(), r.totalMs());
            refreshRuns();
        });
    }

    /** The workflow's latest runs: the engine's first page, newest first; older ones come with {@link #olderRuns()}. */
    public void refreshRuns() {
        WorkflowSummary w = workflow.getValue();
        int at = ++runsGeneration;
        olderCursor = null;
        older.set(false);
        if (w != null) {
            calls.call(c -> c.runs().page(w.name(), RUNS_PAGE, null), page -> {
                if (at == runsGeneration) {
                    runs.setAll(page.items());
                    olderCursor = page.hasMore() ? page.cursor() : null;
                    older.set(olderCursor != null);
                }
            });
        }
    }

    /** The page of runs before the oldest shown, when there is one. */
    public void olderRuns() {
        WorkflowSummary w = workflow.getValue();
        String from = olderCursor;
        if (w == null || from == null) {
            return;
        }
        int at = runsGeneration;
        olderCursor = null; // one page on its way at a time
        calls.call(c -> c.runs().page(w.name(), RUNS_PAGE, from), page -> {
            if (at == runsGeneration) {
                java.util.Set<String> shown = new java.util.HashSet<>();
                runs.forEach(r -> shown.add(r.runId()));
                runs.addAll(page.items().stream().filter(r -> !shown.contains(r.runId())).toList());
                olderCursor = page.hasMore() ? page.cursor() : null;
                older.set(olderCursor != null);
            }
        }, failure -> {
            if (at == runsGeneration) {
                olderCursor = from; // to try again
            }
            calls.fail(Failures.text(failure));
        });
    }

    /** Whether the engine keeps runs older than the ones shown. */
    public ReadOnlyBooleanProperty olderProperty() { return older.getReadOnlyProperty(); }

    /** Shows a stored run's trace. */
    public void open(RunSummary run) {
        if (run == null) {
            return;
        }
        calls.clear();
        calls.call(c -> {
            RunRecord r = c.runs().get(run.runId());
            return Ready.of(r, failure(c, r.error(), r.trace()));
        }, (Ready<RunRecord> ready) -> {
            RunRecord r = ready.answer();
            show(r.runId(), r.status(), ready.failure(), ready.rows(), ready.output(), r.durationMs());
        });
    }

    /**
     * A run's answer with its failure in the app's words, its trace rows and output text already made, in the
     * background: for the largest trace the engine allows (about 15 MB) that is most of the work, and the FX thread
     * only shows the result.
     */
    private record Ready<T>(T answer, Failed failure, List<TraceRow> rows, String output) {
        static Ready<RunResult> of(RunResult r, Failed failure) {
            return new Ready<>(r, failure, r.trace().stream().map(TraceRow::of).toList(), JsonText.pretty(r.output()));
        }

        static Ready<RunRecord> of(RunRecord r, Failed failure) {
            return new Ready<>(r, failure, r.trace().stream().map(TraceRow::of).toList(), JsonText.pretty(r.output()));
        }
    }

    /** @param details the Details view: the step, the engine's code and its raw message */
    private record Failed(String step, String text, String details) {}

    /** Runs in the background: the failing step's service is looked up so the text can name it as people know it. */
    private Failed failure(EngineClient c, StepError error, List<TraceStep> steps) {
        if (error == null) {
            return null;
        }
        EngineFailure f = EngineFailure.ofRun(error, steps);
        if (f.service() != null) {
            try {
                f = f.withServiceName(c.services().recipe(f.service()).displayName());
            } catch (ArcrunException e) {
                // the service's id names it well enough
            }
        }
        return new Failed(error.step() == null ? "" : error.step(), EngineFailureText.of(i18n, f),
                Failures.details(error.step(), error.code(), error.message()));
    }

    private void show(String runId, RunStatus s, Failed failure, List<TraceRow> rows, String pretty, long ms) {
        trace.setAll(rows);
        status.set(s);
        output.set(s == RunStatus.OK ? pretty : "");
        summary.set(s == RunStatus.OK ? i18n.get("dashboard.run.ok", runId, ms)
                : failure == null ? i18n.get("dashboard.run.failed", runId, "", "")
                : i18n.get("dashboard.run.failed", runId, failure.text(), failure.step()));
        runDetails.set(s == RunStatus.OK || failure == null ? "" : failure.details());
    }

    /** What the run form showed for a workflow when the user went to another: its input and its last run. */
    private record Kept(String input, List<TraceRow> trace, String output, RunStatus status, String summary) {}

    private final Map<String, Kept> kept = new HashMap<>();

    private void restore(Kept k) {
        if (k == null) {
            clearResult();
            input.set("{}");
            return;
        }
        input.set(k.input());
        trace.setAll(k.trace());
        output.set(k.output());
        status.set(k.status());
        summary.set(k.summary());
    }

    /** The input a workflow's form opens with (an example's sample); shown now when it is the workflow on screen. */
    public void setInputFor(String name, String text) {
        WorkflowSummary w = workflow.getValue();
        if (w != null && w.name().equals(name)) {
            input.set(text);
        } else {
            kept.put(name, new Kept(text, List.of(), "", null, ""));
        }
    }

    private void clearResult() {
        runDetails.set("");
        trace.clear();
        output.set("");
        status.set(null);
        summary.set("");
    }

    /** The input JSON; the view's editor is bound to it. */
    public StringProperty inputProperty() { return input; }

    public ReadOnlyStringProperty inputErrorProperty() { return inputError.getReadOnlyProperty(); }

    public ObservableList<TraceRow> trace() { return trace; }

    public ReadOnlyStringProperty outputProperty() { return output.getReadOnlyProperty(); }

    /** How the run shown ended; null before any. */
    public ReadOnlyObjectProperty<RunStatus> statusProperty() { return status.getReadOnlyProperty(); }

    /** One line over the trace: which run, and how it ended. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ObservableList<RunSummary> runs() { return runs; }

    public ReadOnlyBooleanProperty busyProperty() { return calls.busyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return calls.errorProperty(); }

    /** The Details view of a call that failed (engine code, raw message). */
    public ReadOnlyStringProperty errorDetailsProperty() { return calls.detailsProperty(); }

    /** The Details view of a run that failed: its step, the engine's code and the raw message. */
    public ReadOnlyStringProperty runDetailsProperty() { return runDetails.getReadOnlyProperty(); }
}
