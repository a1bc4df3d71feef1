package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.sdk.RunStatus;
import dev.arcrun.sdk.RunSummary;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.WorkflowSummary;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Workflows tab: the list and the selected workflow's recent runs on the left, the run panel on the right. */
final class WorkflowsView extends SplitPane {
    private static final double WORKFLOW_ROW = 52;

    private Runnable openExamples = () -> {};

    /** What the empty list's button does: show the Examples tab. */
    void onOpenExamples(Runnable action) {
        this.openExamples = action;
    }

    WorkflowsView(WorkflowsViewModel model, RunViewModel run, I18n i18n, FilePicker files) {
        setId("workflows");
        getStyleClass().add(AppStyles.DASHBOARD_SPLIT);

        Button add = new Button(i18n.get("dashboard.workflows.add"), new FontIcon(Feather.FILE_PLUS));
        add.setId("wf-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(model.busyProperty());
        add.setOnAction(e -> files.pick(getScene().getWindow(), i18n.get("dashboard.workflows.pick_title"),
                i18n.get("dashboard.workflows.pick_filter")).ifPresent(model::addFromFile));
        Button write = new Button(i18n.get("dashboard.editor.open"), new FontIcon(Feather.EDIT));
        write.setId("wf-write");
        write.disableProperty().bind(model.busyProperty());
        write.setOnAction(e -> WorkflowEditor.ask(this, i18n).ifPresent(model::addWritten));
        Button delete = new Button(i18n.get("dashboard.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("wf-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        delete.setOnAction(e -> {
            WorkflowSummary w = model.selectedProperty().get();
            if (w != null && Widgets.confirm(this, i18n.get("dashboard.workflows.delete_title", w.name()),
                    i18n.get("dashboard.workflows.delete_body"), i18n.get("dashboard.delete"), i18n)) {
                model.delete(w.name());
            }
        });

        ListView<WorkflowSummary> list = new ListView<>(model.shown());
        list.setId("workflows-list");
        Label listPlaceholder = Widgets.statePlaceholder("workflows-placeholder", model.stateProperty(), i18n, "dashboard.workflows.empty",
                "dashboard.search.none");
        listPlaceholder.setMaxWidth(220);
        // an empty engine: the way to a first workflow is the Examples tab, one click away
        Button toExamples = new Button(i18n.get("dashboard.workflows.open_examples"), new FontIcon(Feather.BOOK_OPEN));
        toExamples.setId("wf-open-examples");
        toExamples.getStyleClass().add(Styles.ACCENT);
        toExamples.managedProperty().bind(model.stateProperty().map(s -> s instanceof ListState.Empty));
        toExamples.visibleProperty().bind(toExamples.managedProperty());
        toExamples.setOnAction(e -> openExamples.run());
        VBox placeholderBox = new VBox(10, listPlaceholder, toExamples);
        placeholderBox.setAlignment(javafx.geometry.Pos.CENTER);
        list.setPlaceholder(placeholderBox);
        list.setCellFactory(v -> new WorkflowCell(i18n, index -> {
            if (PagingControls.loadsMore(index, model.shown().size(), model.queryProperty().get())) {
                model.loadMore(); // scrolled to the end: the next page
            }
        }));
        PagingControls.afterTypingPauses(model.queryProperty(), model::searchEngine);
        HBox paging = PagingControls.bar("workflows", model.countProperty(), model.moreProperty(),
                model.loadingMoreProperty(), model::loadMore, i18n);
        list.setFixedCellSize(WORKFLOW_ROW); // name and one line of description; spares measuring 10,000 rows
        // Two-way: the list shows the model's selection (kept after a refresh) and writes the user's.
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        ListView<RunSummary> runs = new ListView<>(run.runs());
        runs.setId("runs-list");
        runs.setPrefHeight(180);
        runs.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the workflow list gives way first: recent runs keep their room
        runs.setPlaceholder(placeholder(i18n.get("dashboard.runs.empty")));
        runs.setCellFactory(v -> new RunCell(i18n));
        runs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> run.open(now));
        Button olderRuns = new Button(i18n.get("dashboard.runs.older"), new FontIcon(Feather.CHEVRONS_DOWN));
        olderRuns.setId("runs-older");
        olderRuns.getStyleClass().add(Styles.FLAT);
        olderRuns.managedProperty().bind(run.olderProperty());
        olderRuns.visibleProperty().bind(run.olderProperty());
        olderRuns.setOnAction(e -> run.olderRuns());

        for (Button b : java.util.List.of(add, write, delete)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a narrow list wraps the buttons, never cuts their words
        }
        VBox left = new VBox(10, new javafx.scene.layout.FlowPane(8, 8, add, write, delete),
                DetailsDialog.errorLine("wf-error", model.errorProperty(), model.errorDetailsProperty(), i18n),
                Widgets.message("wf-notice", model.noticeProperty(), Styles.SUCCESS),
                Widgets.search("wf-search", i18n.get("dashboard.workflows.search"), model.queryProperty()), list, paging, Widgets.title(i18n.get("dashboard.runs.title")), runs, olderRuns);
        left.getStyleClass().add(AppStyles.DASHBOARD_TAB);
        left.setMinWidth(300);

        // The data-leaving notice: asked after the change has settled (never inside the property's own listener).
        model.pendingProperty().addListener((o, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> {
                    if (model.pendingProperty().get() == now) {
                        if (LeavingNotice.ask(this, now, i18n)) {
                            model.confirmPush();
                        } else {
                            model.cancelPush();
                        }
                    }
                });
            }
        });

        getItems().setAll(left, new RunView(run, model, i18n));
        setDividerPositions(0.36);
        setOrientation(Orientation.HORIZONTAL);
    }

    private static Label placeholder(String text) {
        Label l = Widgets.muted(text);
        l.setMaxWidth(220);
        return l;
    }

    private static final class WorkflowCell extends ListCell<WorkflowSummary> {
        private final I18n i18n;
        private final java.util.function.IntConsumer shown;

        WorkflowCell(I18n i18n, java.util.function.IntConsumer shown) {
            this.i18n = i18n;
            this.shown = shown;
            setPrefWidth(0); // follow the list's width and wrap, never scroll sideways
        }

        @Override
        protected void updateItem(WorkflowSummary w, boolean empty) {
            super.updateItem(w, empty);
            if (!empty && w != null) {
                shown.accept(getIndex());
            }
            if (empty || w == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(w.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label about = new Label(w.description() == null || w.description().isBlank()
                    ? i18n.get("dashboard.workflows.steps", w.steps())
                    : w.description());
            about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setText(null);
            setGraphic(new VBox(2, name, about));
            setTooltip(new javafx.scene.control.Tooltip(about.getText()));
        }
    }

    private static final class RunCell extends ListCell<RunSummary> {
        private final I18n i18n;

        RunCell(I18n i18n) {
            this.i18n = i18n;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunSummary r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setGraphic(Widgets.statusIcon(r.status() == RunStatus.OK ? StepStatus.OK : StepStatus.ERROR));
            setText(i18n.get("dashboard.runs.item", Widgets.time(i18n, r.startedAt()), r.durationMs()));
        }
    }
}
