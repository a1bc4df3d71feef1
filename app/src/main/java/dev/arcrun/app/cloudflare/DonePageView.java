package dev.arcrun.app.cloudflare;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the last page: the engine's address to copy or open, and its health warning. */
final class DonePageView extends VBox {

    DonePageView(DonePageModel model, I18n i18n, Consumer<String> browse, Runnable openDashboard) {
        setId("cf-done-page");
        TextField url = new TextField();
        url.setId("engine-url");
        url.setEditable(false); // selectable, not editable
        url.textProperty().bind(model.urlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button(i18n.get("cf.done.copy"), new FontIcon(Feather.COPY));
        copy.setId("copy-url");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.urlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button open = new Button(i18n.get("cf.done.open"), new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("open-url");
        open.setOnAction(e -> browse.accept(model.urlProperty().get() + "/health"));
        HBox row = new HBox(10, url, copy, open);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMaxWidth(760);
        Button dashboard = new Button(i18n.get("cf.done.dashboard"), new FontIcon(Feather.GRID));
        dashboard.setId("done-open-dashboard");
        dashboard.getStyleClass().add(Styles.ACCENT);
        dashboard.setOnAction(e -> openDashboard.run());
        Label warning = Views.message("done-warning", "warning");
        warning.textProperty().bind(model.warningProperty());
        Label heading = Views.title(i18n.get("cf.done.title"));
        heading.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        heading.getStyleClass().add(Styles.SUCCESS);

        getChildren().add(Views.column(16, heading, Views.body(i18n.get("cf.done.body")), row, warning,
                Views.body(i18n.get("cf.done.next")), dashboard));
    }
}
