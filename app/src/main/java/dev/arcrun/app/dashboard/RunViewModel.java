package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.RunRecord;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.RunStatus;
import dev.arcrun.sdk.RunSummary;
import dev.arcrun.sdk.StepError;
import dev.arcrun.sdk.TraceStep;
import dev.arcrun.sdk.WorkflowSummary;
import java.util.List;
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

    public RunViewModel(TaskExecutor executor, ReadOnlyObjectProperty<Connection> connection,
                        ObservableValue<WorkflowSummary> workflow, I18n i18n) {
        this.calls = new EngineCalls(executor, connection);
        this.i18n = i18n;
        this.workflow = workflow;
        input.addListener((o, was, now) -> inputError.set(check(now)));
        workflow.addListener((o, was, now) -> {
            if (was == null || now == null || !was.name().equals(now.name())) {
                clearResult();
                runs.clear();
                calls.clear();
                refreshRuns();
            }
        });
    }

    /** Empty when the text is a JSON object; otherwise where and why it is not. */
    String check(String text) {
        return switch (JsonText.parse(text)) {
            case JsonText.Good g when g.value().isObject() -> "";
            case JsonText.Good g -> i18n.get("dashboard.run.error.not_object");
            case JsonText.Bad b -> i18n.get("dashboard.run.error.bad_json", b.line(), b.column(), b.reason());
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
        JsonNode value = ((JsonText.Good) JsonText.parse(input.get())).value();
        calls.clear();
        clearResult();
        calls.call(c -> {
            RunResult r = c.workflows().run(w.name(), value);
            return new Shown<>(r, failure(c, r.error(), r.trace()));
        }, (Shown<RunResult> s) -> {
            RunResult r = s.run();
            show(r.runId(), r.status() != null ? r.status() : r.success() ? RunStatus.OK : RunStatus.ERROR,
                    r.output(), s.failure(), r.trace(), r.trace().stream().mapToLong(TraceStep::durationMs).sum());
            refreshRuns();
        });
    }

    public void refreshRuns() {
        WorkflowSummary w = workflow.getValue();
        if (w != null) {
            calls.call(c -> c.runs().list(w.name()), runs::setAll);
        }
    }

    /** Shows a stored run's trace. */
    public void open(RunSummary run) {
        if (run == null) {
            return;
        }
        calls.clear();
        calls.call(c -> {
            RunRecord r = c.runs().get(run.runId());
            return new Shown<>(r, failure(c, r.error(), r.trace()));
        }, (Shown<RunRecord> s) -> {
            RunRecord r = s.run();
            show(r.runId(), r.status(), r.output(), s.failure(), r.trace(), r.durationMs());
        });
    }

    /** A run with its failure in the app's words (null when it succeeded). */
    private record Shown<R>(R run, Failed failure) {}

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

    private void show(String runId, RunStatus s, JsonNode out, Failed failure, List<TraceStep> steps, long ms) {
        trace.setAll(steps.stream().map(TraceRow::of).toList());
        status.set(s);
        output.set(s == RunStatus.OK ? JsonText.pretty(out) : "");
        summary.set(s == RunStatus.OK ? i18n.get("dashboard.run.ok", runId, ms)
                : failure == null ? i18n.get("dashboard.run.failed", runId, "", "")
                : i18n.get("dashboard.run.failed", runId, failure.text(), failure.step()));
        runDetails.set(s == RunStatus.OK || failure == null ? "" : failure.details());
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
