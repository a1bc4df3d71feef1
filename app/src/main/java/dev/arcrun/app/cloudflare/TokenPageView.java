package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import dev.arcrun.core.cloudflare.Account;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.StringConverter;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the token page and binds it to {@link TokenPageModel}. */
final class TokenPageView extends VBox {

    TokenPageView(TokenPageModel model, I18n i18n) {
        setId("cf-token-page");
        Button open = new Button(i18n.get("cf.token.open"), new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("open-token-page");
        open.setOnAction(e -> model.openTokenPage());

        PasswordField field = new PasswordField();
        field.setId("token-field");
        field.setPromptText(i18n.get("cf.token.prompt"));
        field.textProperty().bindBidirectional(model.tokenProperty());
        field.disableProperty().bind(model.checkingProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button check = new Button(i18n.get("cf.token.check"), new FontIcon(Feather.SHIELD));
        check.setId("check-token");
        check.disableProperty().bind(model.checkingProperty().or(model.tokenProperty().isEmpty()));
        check.setOnAction(e -> model.checkToken());
        field.setOnAction(e -> model.checkToken()); // Enter in the field checks too
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.checkingProperty());
        HBox entry = new HBox(10, field, check, spinner);
        entry.setAlignment(Pos.CENTER_LEFT);
        entry.setMaxWidth(720);

        // Shown once the user asked for Cloudflare's page: where no browser opened, the link is here to copy.
        TextField link = new TextField();
        link.setId("token-page-link");
        link.setEditable(false);
        link.textProperty().bind(model.tokenPageLinkProperty());
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copyLink = new Button(i18n.get("cf.done.copy"), new FontIcon(Feather.COPY));
        copyLink.setId("copy-token-page-link");
        copyLink.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.tokenPageLinkProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label linkNote = Views.body(i18n.get("cf.token.link"));
        HBox linkRow = new HBox(10, link, copyLink);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        linkRow.setMaxWidth(720);
        VBox linkBox = new VBox(6, linkNote, linkRow);
        linkBox.setId("token-page-link-box");
        linkBox.managedProperty().bind(model.tokenPageLinkProperty().isNotEmpty());
        linkBox.visibleProperty().bind(linkBox.managedProperty());

        ComboBox<Account> picker = new ComboBox<>(model.accounts());
        picker.setId("account-picker");
        picker.setPromptText(i18n.get("cf.token.account.prompt"));
        picker.valueProperty().bindBidirectional(model.chosenAccountProperty());
        picker.disableProperty().bind(model.checkingProperty());
        picker.setConverter(new StringConverter<>() {
            @Override public String toString(Account a) { return a == null ? "" : a.name() + "  (" + a.id() + ")"; }

            @Override public Account fromString(String s) { return null; }
        });
        Label pickerLabel = new Label(i18n.get("cf.token.choose"));
        pickerLabel.setWrapText(true);
        pickerLabel.getStyleClass().add(AppStyles.FIELD_LABEL);
        VBox accountBox = new VBox(6, pickerLabel, picker);
        accountBox.setId("account-choice");
        accountBox.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.accounts()));
        accountBox.visibleProperty().bind(accountBox.managedProperty());

        Label resume = Views.message("token-resume-note", "warning");
        resume.textProperty().bind(model.resumeNoteProperty());

        Label ok = Views.message("token-ok", "success");
        ok.textProperty().bind(model.validProperty().map(v -> v ? i18n.get("cf.token.ok", model.accountProperty().get()) : ""));
        Label error = Views.message("token-error", "danger");
        error.textProperty().bind(model.errorProperty());

        VBox permissions = new VBox(6);
        permissions.setId("token-permissions");
        Label permissionsTitle = new Label(i18n.get("cf.token.permissions"));
        permissionsTitle.getStyleClass().add(AppStyles.FIELD_LABEL);
        permissions.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.permissions()));
        permissions.visibleProperty().bind(permissions.managedProperty());
        model.permissions().addListener((ListChangeListener<TokenPageModel.PermissionRow>) c -> {
            permissions.getChildren().setAll(permissionsTitle);
            model.permissions().forEach(r -> permissions.getChildren().add(row(r, i18n)));
        });

        getChildren().add(Views.column(16,
                Views.title(i18n.get("cf.token.title")), resume,
                Views.body(i18n.get("cf.token.body")),
                open, linkBox,
                Views.body(i18n.get("cf.token.steps")),
                entry, error, accountBox, ok, permissions,
                Views.body(i18n.get("cf.token.safety"))));
    }

    private static HBox row(TokenPageModel.PermissionRow r, I18n i18n) {
        FontIcon icon = new FontIcon(switch (r.outcome()) {
            case GRANTED -> Feather.CHECK_CIRCLE;
            case MISSING -> Feather.X_CIRCLE;
            case NOT_CHECKED -> Feather.MINUS_CIRCLE;
        });
        Label name = new Label(r.cloudflareName(), icon);
        String state = switch (r.outcome()) {
            case GRANTED -> AppStyles.PERM_GRANTED;
            case MISSING -> AppStyles.PERM_MISSING;
            case NOT_CHECKED -> AppStyles.PERM_UNCHECKED;
        };
        name.getStyleClass().addAll(AppStyles.PERM, state);
        Label note = new Label(i18n.get("cf.token." + state.replace('-', '.')));
        note.getStyleClass().add(AppStyles.MUTED);
        HBox box = new HBox(10, name, note);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(state);
        return box;
    }
}
