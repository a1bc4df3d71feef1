package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.cloudflare.OptionsPageModel.SourceKind;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the options page and binds it to {@link OptionsPageModel}. */
final class OptionsPageView extends VBox {
    private final ToggleGroup sources = new ToggleGroup();

    OptionsPageView(OptionsPageModel model, I18n i18n) {
        setId("cf-options-page");
        TextField prefix = new TextField();
        prefix.setId("prefix-field");
        prefix.setMaxWidth(260);
        prefix.textProperty().bindBidirectional(model.prefixProperty());
        Label prefixError = Views.message("prefix-error", "danger");
        prefixError.textProperty().bind(model.prefixErrorProperty());
        Label summary = Views.message("options-summary", "muted");
        summary.textProperty().bind(model.summaryProperty());

        TextField github = field("github-field", i18n.get("cf.options.github.prompt"));
        github.textProperty().bindBidirectional(model.githubProperty());
        TextField url = field("url-field", i18n.get("cf.options.url.prompt"));
        url.textProperty().bindBidirectional(model.urlProperty());
        TextField file = field("file-field", i18n.get("cf.options.file.prompt"));
        file.textProperty().bindBidirectional(model.fileProperty());
        Button choose = new Button(i18n.get("cf.options.file.choose"), new FontIcon(Feather.FOLDER));
        choose.setId("choose-file");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("cf.options.file.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("cf.options.file.filter"), "*.tar.gz", "*.tgz", "*.tar"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.fileProperty().set(chosen.getAbsolutePath());
            }
        });
        Label sourceError = Views.message("source-error", "danger");
        sourceError.textProperty().bind(model.sourceErrorProperty());

        GridPane sourceGrid = new GridPane(); // radios in one column, their inputs aligned in the next
        sourceGrid.setHgap(12);
        sourceGrid.setVgap(10);
        option(sourceGrid, 0, model, SourceKind.BUILTIN, "source-builtin", i18n.get("cf.options.builtin"));
        option(sourceGrid, 1, model, SourceKind.GITHUB, "source-github", i18n.get("cf.options.github"), github);
        option(sourceGrid, 2, model, SourceKind.URL, "source-url", i18n.get("cf.options.url"), url);
        option(sourceGrid, 3, model, SourceKind.FILE, "source-file", i18n.get("cf.options.file"), file, choose);
        VBox sourceBox = new VBox(10, sourceGrid, sourceError);
        sources.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.kindProperty().set((SourceKind) now.getUserData());
            }
        });

        getChildren().add(Views.column(16,
                Views.title(i18n.get("cf.options.title")),
                fieldLabel(i18n.get("cf.options.prefix")),
                Views.body(i18n.get("cf.options.prefix.help")),
                prefix, prefixError, summary,
                fieldLabel(i18n.get("cf.options.source")),
                sourceBox));
    }

    private void option(GridPane grid, int row, OptionsPageModel model, SourceKind kind, String id, String label,
                        Node... inputs) {
        RadioButton radio = new RadioButton(label);
        radio.setId(id);
        radio.setUserData(kind);
        radio.setToggleGroup(sources);
        radio.setSelected(model.kindProperty().get() == kind);
        grid.add(radio, 0, row, inputs.length == 0 ? 2 : 1, 1);
        if (inputs.length > 0) {
            HBox box = new HBox(10, inputs);
            box.setAlignment(Pos.CENTER_LEFT);
            for (Node input : inputs) {
                input.disableProperty().bind(radio.selectedProperty().not());
            }
            GridPane.setHgrow(box, Priority.ALWAYS);
            grid.add(box, 1, row);
        }
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        HBox.setHgrow(f, Priority.ALWAYS);
        f.setMaxWidth(560);
        return f;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(AppStyles.FIELD_LABEL);
        return l;
    }
}
