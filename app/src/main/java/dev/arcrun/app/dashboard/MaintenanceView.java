package dev.arcrun.app.dashboard;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Maintenance tab: update and rollback with their steps and the live console, and uninstall behind a dialog. */
final class MaintenanceView extends ScrollPane {

    /** @param console the live console's view, fed by the same pipeline events */
    MaintenanceView(MaintenanceViewModel model, DashboardViewModel header, I18n i18n, Node console) {
        setId("maintenance");
        setFitToWidth(true);

        TextField source = new TextField();
        source.setId("update-source");
        source.setPromptText(i18n.get("dashboard.maint.source_prompt"));
        source.textProperty().bindBidirectional(model.sourceProperty());
        HBox.setHgrow(source, Priority.ALWAYS);
        Button update = new Button(i18n.get("dashboard.maint.update"), new FontIcon(Feather.DOWNLOAD_CLOUD));
        update.setId("update-button");
        update.getStyleClass().add(Styles.ACCENT);
        update.disableProperty().bind(model.runningProperty());
        update.setOnAction(e -> model.update());
        HBox updateRow = new HBox(8, source, update);
        updateRow.setAlignment(Pos.CENTER_LEFT);
        Label sourceHelp = Widgets.muted(i18n.get("dashboard.maint.source_help"));
        sourceHelp.managedProperty().bind(header.unfinishedProperty().isNull());
        sourceHelp.visibleProperty().bind(sourceHelp.managedProperty());
        // An install that stopped before the end has nothing to update yet: it is finished instead.
        updateRow.managedProperty().bind(header.unfinishedProperty().isNull());
        updateRow.visibleProperty().bind(updateRow.managedProperty());
        Button finish = new Button(i18n.get("resume.finish"), new FontIcon(Feather.PLAY));
        finish.setId("maint-finish-install");
        finish.getStyleClass().add(Styles.ACCENT);
        finish.managedProperty().bind(header.unfinishedProperty().isNotNull());
        finish.visibleProperty().bind(finish.managedProperty());
        finish.setOnAction(e -> header.finishInstall());

        Button rollback = new Button("", new FontIcon(Feather.ROTATE_CCW));
        rollback.setId("rollback-button");
        rollback.getStyleClass().add(Styles.BUTTON_OUTLINED);
        rollback.textProperty().bind(model.previousVersionProperty().map(v -> i18n.get("dashboard.maint.rollback", v)));
        rollback.managedProperty().bind(model.previousVersionProperty().isNotEmpty());
        rollback.visibleProperty().bind(rollback.managedProperty());
        rollback.disableProperty().bind(model.runningProperty());
        rollback.setOnAction(e -> model.rollback());
        Label noRollback = Widgets.muted(i18n.get("dashboard.maint.no_rollback"));
        noRollback.managedProperty().bind(rollback.managedProperty().not());
        noRollback.visibleProperty().bind(noRollback.managedProperty());

        Button cancel = new Button(i18n.get("dashboard.cancel"), new FontIcon(Feather.X));
        cancel.setId("maint-cancel");
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.visibleProperty().bind(model.runningProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());

        HBox busyRow = new HBox(10, spinner, cancel);
        busyRow.setAlignment(Pos.CENTER_LEFT);
        busyRow.managedProperty().bind(model.runningProperty()); // no blank gap when idle
        busyRow.visibleProperty().bind(model.runningProperty());

        ListView<PipelineStep> steps = new ListView<>(model.steps());
        steps.setId("maint-steps");
        steps.setPrefHeight(220);
        steps.setCellFactory(v -> new StepCell());
        steps.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.steps()));
        steps.visibleProperty().bind(steps.managedProperty());
        if (console instanceof javafx.scene.layout.Region r) {
            r.setPrefHeight(240);
        }
        console.managedProperty().bind(steps.managedProperty());
        console.visibleProperty().bind(steps.managedProperty());

        VBox engine = card(i18n.get("dashboard.maint.engine_title"), i18n.get("dashboard.maint.engine_body"),
                updateRow, sourceHelp, finish, new HBox(10, rollback, noRollback), busyRow,
                DetailsDialog.errorLine("maint-error", model.errorProperty(), model.detailsProperty(), i18n),
                Widgets.message("maint-notice", model.noticeProperty(), Styles.SUCCESS), steps, console);

        Button uninstall = new Button(i18n.get("dashboard.maint.uninstall"), new FontIcon(Feather.TRASH_2));
        uninstall.setId("uninstall-button");
        uninstall.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        uninstall.disableProperty().bind(model.runningProperty());
        uninstall.setOnAction(e -> new UninstallDialog(model, header.connectionProperty().get(), i18n, this).showAndWait());
        // an update's or uninstall's outcome also reaches the user who went to another tab meanwhile
        Toasts.follow(this, i18n.get("dashboard.tab.maintenance"), model.noticeProperty(), model.errorProperty());
        VBox danger = card(i18n.get("dashboard.maint.uninstall_title"), i18n.get("dashboard.maint.uninstall_body"), uninstall);
        danger.getStyleClass().add(AppStyles.DANGER_ZONE);

        model.askingBeforeOlder((running, candidate) -> Widgets.confirm(this,
                i18n.get("dashboard.maint.older_header", candidate), i18n.get("dashboard.maint.older_body", running, candidate),
                i18n.get("dashboard.maint.older_ok", candidate), i18n));
        // The uninstall ends with a confirmation of what went and what stayed; afterwards the focus is on nothing
        // destructive, whichever install the dashboard now shows.
        model.uninstalledProperty().addListener((o, was, u) -> {
            if (u != null) {
                javafx.application.Platform.runLater(() -> {
                    UninstallDialog.result(u, i18n, this);
                    requestFocus();
                });
            }
        });

        VBox content = new VBox(20, engine, danger);
        content.getStyleClass().add(AppStyles.DASHBOARD_TAB);
        setContent(content);
    }

    private static VBox card(String title, String body, Node... content) {
        VBox card = new VBox(12, Widgets.title(title), Widgets.muted(body));
        card.getChildren().addAll(content);
        card.getStyleClass().add(AppStyles.DASHBOARD_CARD);
        return card;
    }

    /** A step with an icon for its state, its title and what it reported. */
    private static final class StepCell extends ListCell<PipelineStep> {
        StepCell() {
            setPrefWidth(0); // wrap long details instead of scrolling sideways
            setWrapText(true);
        }

        @Override
        protected void updateItem(PipelineStep s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (s.state()) {
                case PENDING -> Feather.CIRCLE;
                case RUNNING -> Feather.LOADER;
                case DONE -> Feather.CHECK_CIRCLE;
                case SKIPPED -> Feather.MINUS_CIRCLE;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case FAILED -> Feather.X_CIRCLE;
            });
            icon.getStyleClass().add(switch (s.state()) {
                case PENDING, SKIPPED -> Styles.TEXT_MUTED;
                case RUNNING -> Styles.ACCENT;
                case DONE -> Styles.SUCCESS;
                case WARNING -> Styles.WARNING;
                case FAILED -> Styles.DANGER;
            });
            setGraphic(icon);
            setText(s.detail() == null || s.detail().isBlank() ? s.title() : s.title() + " — " + s.detail());
        }
    }
}
