package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.sdk.CredentialInfo;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Credentials tab: add a credential (the value in a password field) and the table of names and dates. */
final class CredentialsView extends VBox {
    private static final double ROW_HEIGHT = 36;

    CredentialsView(CredentialsViewModel model, I18n i18n) {
        setId("creds");
        getStyleClass().add(AppStyles.DASHBOARD_TAB);

        TextField name = new TextField();
        name.setId("cred-name");
        name.setPromptText(i18n.get("dashboard.creds.name_prompt"));
        name.setPrefWidth(260);
        name.textProperty().bindBidirectional(model.newNameProperty());
        PasswordField value = new PasswordField();
        value.setId("cred-value");
        value.setPromptText(i18n.get("dashboard.creds.value_prompt"));
        value.textProperty().bindBidirectional(model.newValueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = new Button(i18n.get("dashboard.creds.add"), new FontIcon(Feather.PLUS));
        add.setId("cred-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(true);
        add.disableProperty().bind(model.busyProperty());
        add.setOnAction(e -> model.add());
        value.setOnAction(e -> model.add());
        // the name's rule marked on the field as it is typed (ControlsFX); the model checks it again before sending
        org.controlsfx.validation.ValidationSupport validation = new org.controlsfx.validation.ValidationSupport();
        validation.registerValidator(name, false, org.controlsfx.validation.Validator.<String>createPredicateValidator(
                t -> t == null || t.isBlank() || dev.arcrun.core.workflow.CredentialName.isValid(t.strip()),
                i18n.get("dashboard.creds.error.bad_name")));
        HBox form = new HBox(8, name, value, add);
        form.setAlignment(Pos.CENTER_LEFT);

        TableView<CredentialInfo> table = new TableView<>(model.shown());
        table.setId("creds-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // rows of one line: a fixed height spares the table measuring rows to size its scroll bar (10,000 of them)
        table.setFixedCellSize(ROW_HEIGHT);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CredentialInfo item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item != null
                        && PagingControls.loadsMore(getIndex(), model.shown().size(), model.queryProperty().get())) {
                    model.loadMore(); // scrolled to the end: the next page
                }
            }
        });
        PagingControls.afterTypingPauses(model.queryProperty(), model::searchEngine);
        table.setPlaceholder(Widgets.statePlaceholder("creds-placeholder", model.stateProperty(), i18n, "dashboard.creds.empty",
                "dashboard.search.none"));
        TableColumn<CredentialInfo, String> nameCol = Widgets.column(i18n.get("dashboard.creds.col.name"), 260);
        nameCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<CredentialInfo, String> created = Widgets.column(i18n.get("dashboard.creds.col.created"), 200);
        created.setCellValueFactory(c -> new ReadOnlyStringWrapper(Widgets.time(i18n, c.getValue().createdAt())));
        TableColumn<CredentialInfo, String> updated = Widgets.column(i18n.get("dashboard.creds.col.updated"), 200);
        updated.setCellValueFactory(c -> new ReadOnlyStringWrapper(Widgets.time(i18n, c.getValue().updatedAt())));
        table.getColumns().setAll(java.util.List.of(nameCol, created, updated));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delete = new Button(i18n.get("dashboard.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("cred-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        delete.setOnAction(e -> {
            CredentialInfo c = table.getSelectionModel().getSelectedItem();
            if (c != null && Widgets.confirm(this, i18n.get("dashboard.creds.delete_title", c.name()),
                    i18n.get("dashboard.creds.delete_body"), i18n.get("dashboard.delete"), i18n)) {
                model.delete(c.name());
            }
        });
        Button refresh = new Button(i18n.get("dashboard.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.getStyleClass().add(Styles.FLAT);
        refresh.setOnAction(e -> model.refresh());
        var search = Widgets.search("creds-search", i18n.get("dashboard.creds.search"), model.queryProperty());
        search.setPrefWidth(260);
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox paging = PagingControls.bar("creds", model.countProperty(), model.moreProperty(),
                model.loadingMoreProperty(), model::loadMore, i18n);
        HBox actions = new HBox(8, delete, refresh, grow, search);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(Widgets.muted(i18n.get("dashboard.creds.intro")), form,
                DetailsDialog.errorLine("creds-error", model.errorProperty(), model.errorDetailsProperty(), i18n),
                Widgets.message("creds-notice", model.noticeProperty(), Styles.SUCCESS), table, paging, actions);
    }
}
