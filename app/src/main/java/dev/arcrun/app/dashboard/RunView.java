package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.sdk.RunStatus;
import dev.arcrun.sdk.StepStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Runs the selected workflow: the input editor, the Run button, the trace table and the output. */
final class RunView extends VBox {

    RunView(RunViewModel model, WorkflowsViewModel workflows, I18n i18n) {
        setId("run-panel");
        getStyleClass().add("dashboard-tab");

        Label heading = Widgets.title("");
        heading.textProperty().bind(workflows.selectedProperty().map(w -> i18n.get("dashboard.run.title", w.name()))
                .orElse(i18n.get("dashboard.run.pick")));

        TextArea input = new TextArea();
        input.setId("run-input");
        input.getStyleClass().add("code");
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(model.inputProperty());
        Button run = new Button(i18n.get("dashboard.run.button"), new FontIcon(Feather.PLAY));
        run.setId("run-button");
        run.getStyleClass().add(Styles.SUCCESS);
        run.disableProperty().bind(workflows.selectedProperty().isNull().or(model.busyProperty())
                .or(model.inputErrorProperty().isNotEmpty()));
        run.setOnAction(e -> model.run());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(10, run, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("run-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.textProperty().bind(model.summaryProperty());
        summary.graphicProperty().bind(model.statusProperty().map(s -> Widgets.statusIcon(s == RunStatus.OK ? StepStatus.OK : StepStatus.ERROR)));
        model.statusProperty().addListener((o, was, now) -> {
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now != null) {
                summary.getStyleClass().add(now == RunStatus.OK ? Styles.SUCCESS : Styles.DANGER);
            }
        });

        TableView<TraceRow> trace = traceTable(model, i18n);

        TextArea output = new TextArea();
        output.setId("run-output");
        output.getStyleClass().add("code");
        output.setEditable(false);
        output.textProperty().bind(model.outputProperty());
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox outputBox = new VBox(6, Widgets.title(i18n.get("dashboard.run.output")), output);
        // Trace over output, the divider the user's to move; without an output (a failed run) the trace has it all.
        SplitPane results = new SplitPane(trace);
        results.setOrientation(javafx.geometry.Orientation.VERTICAL);
        results.getStyleClass().add("dashboard-split");
        model.outputProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                results.getItems().remove(outputBox);
            } else if (!results.getItems().contains(outputBox)) {
                results.getItems().add(outputBox);
                results.setDividerPositions(0.55);
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);

        getChildren().addAll(heading, new Label(i18n.get("dashboard.run.input")), input,
                Widgets.message("run-input-error", model.inputErrorProperty(), Styles.DANGER), actions,
                DetailsDialog.errorLine("run-error", model.errorProperty(), model.errorDetailsProperty(), i18n),
                new javafx.scene.layout.HBox(8, summary, runDetailsLink(model, i18n)), results);
    }

    /** "Details" beside a failed run's sentence: its step, the engine's code and the raw message. */
    private static Node runDetailsLink(RunViewModel model, I18n i18n) {
        javafx.scene.control.Hyperlink more = new javafx.scene.control.Hyperlink(i18n.get("details.open"));
        more.setId("run-details");
        more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        more.managedProperty().bind(model.runDetailsProperty().isNotEmpty());
        more.visibleProperty().bind(more.managedProperty());
        more.setOnAction(e -> DetailsDialog.show(more, model.summaryProperty().get(), model.runDetailsProperty().get(), i18n));
        return more;
    }

    private static TableView<TraceRow> traceTable(RunViewModel model, I18n i18n) {
        TableView<TraceRow> table = new TableView<>(model.trace());
        table.setId("trace-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Widgets.muted(i18n.get("dashboard.run.no_trace")));
        TableColumn<TraceRow, String> step = Widgets.column(i18n.get("dashboard.run.col.step"), 90);
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().step()));
        TableColumn<TraceRow, String> component = Widgets.column(i18n.get("dashboard.run.col.component"), 125);
        component.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().component()));
        TableColumn<TraceRow, StepStatus> status = Widgets.column(i18n.get("dashboard.run.col.status"), 95);
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell(i18n));
        TableColumn<TraceRow, String> took = Widgets.column(i18n.get("dashboard.run.col.duration"), 70);
        took.setCellValueFactory(c -> new ReadOnlyStringWrapper(i18n.get("dashboard.run.ms", c.getValue().durationMs())));
        TableColumn<TraceRow, String> detail = Widgets.column(i18n.get("dashboard.run.col.detail"), 260);
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        for (TableColumn<TraceRow, String> c : java.util.List.of(step, component, detail)) {
            Widgets.wholeTextOnHover(c);
        }
        table.getColumns().setAll(java.util.List.of(step, component, status, took, detail));
        return table;
    }

    /** The step's status as a coloured icon and a word (colour is never the only signal). */
    private static final class StatusCell extends TableCell<TraceRow, StepStatus> {
        private final I18n i18n;

        StatusCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(StepStatus s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("status-ok", "status-error", "status-skipped");
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setGraphic(Widgets.statusIcon(s));
            setText(switch (s) {
                case OK -> i18n.get("dashboard.status.ok");
                case ERROR -> i18n.get("dashboard.status.error");
                case SKIPPED -> i18n.get("dashboard.status.skipped");
            });
            getStyleClass().add("status-" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
