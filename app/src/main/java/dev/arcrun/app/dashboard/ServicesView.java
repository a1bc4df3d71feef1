package dev.arcrun.app.dashboard;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.sdk.ServiceSummary;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Services tab: a searchable table of services, each with a "Set up" button that opens its form. */
final class ServicesView extends VBox {

    ServicesView(ServicesViewModel model, I18n i18n) {
        setId("services");
        getStyleClass().add(AppStyles.DASHBOARD_TAB);

        CustomTextField search = new CustomTextField();
        search.setId("services-search");
        search.setPromptText(i18n.get("dashboard.services.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.filterProperty());

        TableView<ServiceSummary> table = new TableView<>(model.services());
        table.setId("services-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Widgets.statePlaceholder("services-placeholder", model.stateProperty(), i18n, "dashboard.services.empty"));
        TableColumn<ServiceSummary, String> name = Widgets.column(i18n.get("dashboard.services.col.name"), 220);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(ServicesViewModel.title(c.getValue())));
        TableColumn<ServiceSummary, String> id = Widgets.column(i18n.get("dashboard.services.col.service"), 180);
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().service()));
        TableColumn<ServiceSummary, ServiceSummary> setup = Widgets.column("", 120);
        setup.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        setup.setCellFactory(col -> new SetupCell(model, i18n));
        setup.setSortable(false);
        TableColumn<ServiceSummary, ServiceSummary> state = Widgets.column(i18n.get("dashboard.services.col.state"), 120);
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(col -> new StateCell(model, i18n));
        state.setSortable(false);
        model.storedCredentials().addListener((javafx.collections.SetChangeListener<String>) ch -> table.refresh());
        TableColumn<ServiceSummary, String> hosts = Widgets.column(i18n.get("dashboard.services.col.hosts"), 300);
        hosts.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().hosts())));
        table.getColumns().setAll(java.util.List.of(name, state, setup, id, hosts));
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(Widgets.muted(i18n.get("dashboard.services.intro")), search,
                DetailsDialog.errorLine("services-error", model.errorProperty(), model.errorDetailsProperty(), i18n),
                Widgets.message("services-notice", model.noticeProperty(), Styles.SUCCESS), table);
        Toasts.follow(this, i18n.get("dashboard.tab.services"), model.noticeProperty(), new javafx.beans.property.SimpleStringProperty(""));
    }

    /** "Set up" with a check when every secret the service needs is stored, else a muted "Not set up". */
    private static final class StateCell extends TableCell<ServiceSummary, ServiceSummary> {
        private final ServicesViewModel model;
        private final I18n i18n;

        StateCell(ServicesViewModel model, I18n i18n) {
            this.model = model;
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(ServiceSummary item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.TEXT_MUTED);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean ready = model.isSetUp(item);
            setText(ready ? i18n.get("dashboard.services.ready") : i18n.get("dashboard.services.not_ready"));
            setGraphic(ready ? Widgets.statusIcon(dev.arcrun.sdk.StepStatus.OK) : null);
            getStyleClass().add(ready ? Styles.SUCCESS : Styles.TEXT_MUTED);
        }
    }

    /** A "Set up" button per row (#setup-SERVICE); it fetches the recipe, then shows the dialog made from it. */
    private final class SetupCell extends TableCell<ServiceSummary, ServiceSummary> {
        private final Button button;

        SetupCell(ServicesViewModel model, I18n i18n) {
            button = new Button(i18n.get("dashboard.services.setup"), new FontIcon(Feather.KEY));
            button.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, Styles.ACCENT);
            button.disableProperty().bind(model.busyProperty());
            button.setOnAction(e -> {
                ServiceSummary s = getItem();
                if (s != null) {
                    model.startSetup(s.service(), form -> new SetupDialog(form, model, i18n, ServicesView.this).showAndWait());
                }
            });
        }

        @Override
        protected void updateItem(ServiceSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                button.setId("setup-" + item.service());
                setGraphic(button);
            }
        }
    }
}
