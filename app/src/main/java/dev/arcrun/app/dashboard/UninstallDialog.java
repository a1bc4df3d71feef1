package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.config.Target;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Uninstall, confirmed the way {@code arcrun uninstall --confirm NAME} is: the user types the install's name
 * (#uninstall-confirm); the button (#uninstall-ok) stays off until it matches exactly.
 */
final class UninstallDialog extends Dialog<Void> {

    UninstallDialog(MaintenanceViewModel model, Connection connection, I18n i18n, Node owner) {
        String name = connection.config().name();
        setTitle(i18n.get("dashboard.maint.uninstall_title"));
        setHeaderText(i18n.get("dashboard.maint.confirm_header", name));
        initOwner(owner.getScene().getWindow());

        Label what = new Label(connection.config().target() == Target.LOCAL
                ? i18n.get("dashboard.maint.confirm_local") : i18n.get("dashboard.maint.confirm_cloud"));
        what.setWrapText(true);
        what.setMaxWidth(440);
        Label ask = new Label(i18n.get("dashboard.maint.confirm_type", name));
        ask.setWrapText(true);
        TextField typed = new TextField();
        typed.setId("uninstall-confirm");
        typed.setPromptText(name);
        getDialogPane().setContent(new VBox(12, what, ask, typed));

        ButtonType go = new ButtonType(i18n.get("dashboard.maint.uninstall"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("dashboard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(go, cancel);
        Button ok = (Button) getDialogPane().lookupButton(go);
        ok.setId("uninstall-ok");
        ok.getStyleClass().add(Styles.DANGER);
        ok.setDefaultButton(false); // Enter must not uninstall
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.confirms(typed.getText()), typed.textProperty()));
        ((Button) getDialogPane().lookupButton(cancel)).setId("uninstall-cancel");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.uninstall(typed.getText())) {
                e.consume();
            }
        });
        setOnShown(e -> javafx.application.Platform.runLater(typed::requestFocus)); // once the dialog window has the focus
        setResultConverter(b -> null);
    }

    /** "X is uninstalled": what was removed, and what could not be (to try again). The only button is OK. */
    static void result(MaintenanceViewModel.Uninstalled u, I18n i18n, Node owner) {
        javafx.scene.control.Alert done = new javafx.scene.control.Alert(u.problems().isEmpty()
                ? javafx.scene.control.Alert.AlertType.INFORMATION : javafx.scene.control.Alert.AlertType.WARNING);
        done.initOwner(owner.getScene().getWindow());
        done.setTitle(i18n.get("dashboard.maint.uninstall_title"));
        done.setHeaderText(u.problems().isEmpty() ? i18n.get("dashboard.maint.uninstalled", u.name())
                : i18n.get("dashboard.maint.uninstall_partly", u.name()));
        StringBuilder body = new StringBuilder();
        if (!u.removed().isEmpty()) {
            body.append(i18n.get("dashboard.maint.removed")).append('\n');
            u.removed().forEach(r -> body.append("  • ").append(r).append('\n'));
        }
        if (!u.problems().isEmpty()) {
            body.append(i18n.get("dashboard.maint.refused")).append('\n');
            u.problems().forEach(r -> body.append("  • ").append(r).append('\n'));
        }
        Label text = new Label(body.toString().strip());
        text.setId("uninstall-result");
        text.setWrapText(true);
        text.setMaxWidth(520);
        done.getDialogPane().setContent(text);
        done.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        done.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).setId("uninstall-result-ok");
        done.showAndWait();
    }
}
