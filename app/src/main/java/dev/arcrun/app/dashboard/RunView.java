package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
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
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Runs the selected workflow: the input editor, the Run button, the trace as a timeline and the output. */
final class RunView extends VBox {

    RunView(RunViewModel model, WorkflowsViewModel workflows, I18n i18n) {
        setId("run-panel");
        getStyleClass().add(AppStyles.DASHBOARD_TAB);

        Label heading = Widgets.title("");
        heading.textProperty().bind(workflows.selectedProperty().map(w -> i18n.get("dashboard.run.title", w.name()))
                .orElse(i18n.get("dashboard.run.pick")));

        TextArea input = new TextArea();
        input.setId("run-input");
        input.getStyleClass().add(AppStyles.CODE);
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

        TraceTimeline trace = new TraceTimeline(model.trace(), i18n);

        TextArea output = new TextArea();
        output.setId("run-output");
        output.getStyleClass().add(AppStyles.CODE);
        output.setEditable(false);
        output.textProperty().bind(model.outputProperty());
        VBox.setVgrow(output, Priority.ALWAYS);
        // Under the timeline: the chosen step's JSON, or the run's output (shown first when the run succeeded).
        javafx.scene.control.Tab stepTab = new javafx.scene.control.Tab(i18n.get("dashboard.trace.step_tab"), trace.detail());
        stepTab.setId("run-tab-step");
        javafx.scene.control.Tab outputTab = new javafx.scene.control.Tab(i18n.get("dashboard.run.output"), output);
        outputTab.setId("run-tab-output");
        javafx.scene.control.TabPane below = new javafx.scene.control.TabPane(stepTab);
        below.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        below.getStyleClass().add(Styles.DENSE);
        // a run without an output (a failed one) has no Output tab at all, never an empty one
        model.outputProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                below.getTabs().remove(outputTab);
            } else {
                if (!below.getTabs().contains(outputTab)) {
                    below.getTabs().add(outputTab);
                }
                below.getSelectionModel().select(outputTab);
            }
        });
        // choosing a step, by mouse or keyboard, shows its detail
        trace.steps().setOnMouseClicked(e -> below.getSelectionModel().select(stepTab));
        trace.steps().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                below.getSelectionModel().select(stepTab);
            }
        });
        SplitPane results = new SplitPane(trace.steps(), below);
        results.setOrientation(javafx.geometry.Orientation.VERTICAL);
        results.getStyleClass().add(AppStyles.DASHBOARD_SPLIT);
        results.setDividerPositions(0.5);
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
}
