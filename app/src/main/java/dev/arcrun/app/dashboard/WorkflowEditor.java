package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.core.workflow.WorkflowText.Format;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A dialog to write or paste a workflow (#editor-text) in JSON or YAML (#editor-json, #editor-yaml), with the first
 * problem in plain words under it (#editor-problem); its add button (#editor-add) stays disabled while the text is
 * not a workflow. Gives the parsed workflow, which then goes through the data-leaving notice like any other.
 */
final class WorkflowEditor {
    private WorkflowEditor() {}

    static Optional<JsonNode> ask(Node owner, I18n i18n) {
        WorkflowEditorViewModel model = new WorkflowEditorViewModel(i18n);
        ButtonType add = new ButtonType(i18n.get("dashboard.editor.add"), ButtonBar.ButtonData.OK_DONE);
        // our own Cancel: JavaFX's ButtonType.CANCEL speaks the JVM's language, not the app's
        ButtonType cancel = new ButtonType(i18n.get("dashboard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<JsonNode> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("dashboard.editor.title"));
        dialog.setHeaderText(i18n.get("dashboard.editor.title"));
        dialog.getDialogPane().getButtonTypes().setAll(add, cancel);
        dialog.getDialogPane().setContent(body(model, i18n));
        dialog.getDialogPane().setPrefSize(720, 560);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        Node addButton = dialog.getDialogPane().lookupButton(add);
        addButton.setId("editor-add");
        addButton.disableProperty().bind(model.validProperty().not());
        dialog.getDialogPane().lookupButton(cancel).setId("editor-cancel");
        dialog.setResultConverter(b -> b == add ? model.workflow() : null);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        return dialog.showAndWait();
    }

    static VBox body(WorkflowEditorViewModel model, I18n i18n) {
        ToggleGroup languages = new ToggleGroup();
        ToggleButton json = language("editor-json", "JSON", Format.JSON, languages);
        ToggleButton yaml = language("editor-yaml", "YAML", Format.YAML, languages);
        json.getStyleClass().add(Styles.LEFT_PILL);
        yaml.getStyleClass().add(Styles.RIGHT_PILL);
        languages.selectToggle(model.formatProperty().get() == Format.YAML ? yaml : json);
        languages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                languages.selectToggle(was); // one language is always chosen
            } else {
                model.formatProperty().set((Format) now.getUserData());
            }
        });

        TextArea text = new TextArea();
        text.setId("editor-text");
        text.getStyleClass().add(AppStyles.CODE);
        text.textProperty().bindBidirectional(model.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("editor-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        model.validProperty().subscribe(ok -> {
            problem.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            problem.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        });

        Label intro = Widgets.muted(i18n.get("dashboard.editor.intro"));
        intro.setWrapText(true);
        VBox box = new VBox(10, intro, new HBox(json, yaml), text, problem);
        box.setPrefHeight(440);
        return box;
    }

    private static ToggleButton language(String id, String name, Format format, ToggleGroup group) {
        ToggleButton b = new ToggleButton(name);
        b.setId(id);
        b.setUserData(format);
        b.setToggleGroup(group);
        return b;
    }
}
