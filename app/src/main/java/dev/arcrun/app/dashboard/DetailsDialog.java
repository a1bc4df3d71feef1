package dev.arcrun.app.dashboard;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A failure as a person reads it: the sentence that says what to do, and behind "Details" what a helper needs —
 * the engine's code, the step, the raw message — in a text that can be selected and copied.
 */
public final class DetailsDialog {
    private DetailsDialog() {}

    /** The sentence (wrapped, never cut) and a Details link shown while there are details; #{id} and #{id}-details. */
    public static Node errorLine(String id, ObservableStringValue text, ObservableStringValue details, I18n i18n) {
        Label sentence = new Label();
        sentence.setId(id);
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.getStyleClass().add(Styles.DANGER);
        sentence.textProperty().bind(text);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        Hyperlink more = new Hyperlink(i18n.get("details.open"));
        more.setId(id + "-details");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.managedProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> details.get() != null && !details.get().isBlank() && !text.get().isEmpty(), details, text));
        more.visibleProperty().bind(more.managedProperty());
        more.setOnAction(e -> show(more, text.get(), details.get(), i18n));
        HBox line = new HBox(8, sentence, more);
        line.setAlignment(Pos.TOP_LEFT);
        line.managedProperty().bind(sentence.textProperty().isNotEmpty());
        line.visibleProperty().bind(line.managedProperty());
        return line;
    }

    public static void show(Node owner, String sentence, String details, I18n i18n) {
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.initOwner(owner.getScene().getWindow());
        a.setTitle(i18n.get("details.title"));
        a.setHeaderText(sentence);
        TextArea raw = new TextArea(details);
        raw.setId("details-text");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(10);
        raw.setPrefColumnCount(60);
        raw.getStyleClass().add(AppStyles.CODE);
        Button copy = new Button(i18n.get("details.copy"), new FontIcon(Feather.COPY));
        copy.setId("details-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(sentence + "\n\n" + details);
            Clipboard.getSystemClipboard().setContent(c);
        });
        a.getDialogPane().setContent(new VBox(8, raw, copy));
        a.setResizable(true);
        a.showAndWait();
    }
}
