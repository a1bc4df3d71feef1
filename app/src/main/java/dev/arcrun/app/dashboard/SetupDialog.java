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
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Set up SERVICE": one labelled password field per secret the recipe requires (#secret-KEY), saved with the
 * recipe's keys (#setup-save). Save stays off until every field has a value; the fields are emptied on close.
 */
final class SetupDialog extends Dialog<Void> {

    SetupDialog(SetupForm form, ServicesViewModel model, I18n i18n, Node owner) {
        this(form, model, i18n, owner, FilePicker.system());
    }

    /** @param files picks a whole-file secret (a seam: headless tests cannot drive the system's file dialog) */
    SetupDialog(SetupForm form, ServicesViewModel model, I18n i18n, Node owner, FilePicker files) {
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
            if (f.wholeFile()) { // a key file (Google's service account JSON) is chosen, not pasted line by line
                Button choose = new Button(i18n.get("dashboard.services.choose_file"), new FontIcon(Feather.FILE));
                choose.setId("secret-file-" + f.key());
                Label chosen = Widgets.muted("");
                chosen.setId("secret-file-name-" + f.key());
                choose.setOnAction(e -> files.pick(getDialogPane().getScene().getWindow(),
                        i18n.get("dashboard.services.choose_file"), i18n.get("dashboard.services.json_files")).ifPresent(p -> {
                    try {
                        field.setText(java.nio.file.Files.readString(p));
                        chosen.setText(p.getFileName().toString());
                    } catch (java.io.IOException | RuntimeException unreadable) {
                        chosen.setText(i18n.get("dashboard.services.file_unreadable", p.getFileName().toString()));
                    }
                }));
                grid.addRow(row++, label, new javafx.scene.layout.HBox(8, field, choose, chosen));
            } else {
                grid.addRow(row++, label, field);
            }
        }
        PasswordField first = fields.values().stream().findFirst().orElse(null);
        setOnShown(e -> {
            if (first != null) {
                javafx.application.Platform.runLater(first::requestFocus); // once the dialog's window has the focus
            }
        });
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
