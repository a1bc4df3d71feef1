package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Set up SERVICE": one labelled password field per secret the recipe requires (#secret-KEY), saved with the
 * recipe's keys (#setup-save). Save stays off until every field has a value; the fields are emptied on close.
 */
final class SetupDialog extends Dialog<Void> {

    SetupDialog(SetupForm form, ServicesViewModel model, I18n i18n, Node owner) {
        setTitle(i18n.get("dashboard.services.dialog_title", form.recipe().displayName()));
        setHeaderText(i18n.get("dashboard.services.dialog_title", form.recipe().displayName()));
        initOwner(owner.getScene().getWindow());

        GridPane grid = new GridPane(12, 10);
        Map<String, PasswordField> fields = new LinkedHashMap<>();
        int row = 0;
        for (SetupForm.Field f : form.fields()) {
            PasswordField field = new PasswordField();
            field.setId("secret-" + f.key());
            field.setPrefColumnCount(28);
            fields.put(f.key(), field);
            Label label = new Label(f.label());
            label.setMinWidth(Region.USE_PREF_SIZE); // the recipe's whole label, never "Personal access to…"
            label.setLabelFor(field);
            grid.addRow(row++, label, field);
        }
        Label hosts = Widgets.muted(i18n.get("dashboard.services.dialog_hosts", String.join(", ", form.recipe().hosts())));
        hosts.setMaxWidth(460);
        VBox content = new VBox(14, grid, hosts);
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType(i18n.get("dashboard.services.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, new ButtonType(i18n.get("dashboard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("setup-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        BooleanBinding anyEmpty = Bindings.createBooleanBinding(
                () -> fields.values().stream().anyMatch(p -> p.getText().isBlank()),
                fields.values().stream().map(PasswordField::textProperty).toArray(javafx.beans.Observable[]::new));
        saveButton.disableProperty().bind(anyEmpty);
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            Map<String, String> typed = new LinkedHashMap<>();
            fields.forEach((k, p) -> typed.put(k, p.getText()));
            if (!model.save(form, typed)) {
                e.consume(); // keep the dialog open; the reason shows in the tab
            }
        });
        setOnHidden(e -> fields.values().forEach(PasswordField::clear));
        setResultConverter(b -> null);
    }
}
