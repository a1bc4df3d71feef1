package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.sdk.StepStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small pieces the dashboard's views share; view code only. */
final class Widgets {
    private Widgets() {}

    /** A line of text bound to a message; it takes no room while empty. */
    static Label message(String id, ObservableStringValue text, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Local time, the same unambiguous form as the CLI's tables (a bare "en" locale formats dates oddly). */
    static String time(I18n i18n, Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** What a list shows in place of rows, following its {@link ListState}. */
    static Label statePlaceholder(String id, javafx.beans.value.ObservableValue<ListState> state, I18n i18n, String emptyKey) {
        return statePlaceholder(id, state, i18n, emptyKey, emptyKey);
    }

    static Label statePlaceholder(String id, javafx.beans.value.ObservableValue<ListState> state, I18n i18n, String emptyKey,
                                  String noMatchKey) {
        Label l = muted("");
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ListState.placeholder(state.getValue(), i18n, emptyKey, noMatchKey), state));
        return l;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than cut the sentence short
        return l;
    }

    /** Status as an icon with the theme's colour: a check, a cross, or a dash for skipped. */
    static FontIcon statusIcon(StepStatus s) {
        FontIcon icon = switch (s) {
            case OK -> new FontIcon(Feather.CHECK_CIRCLE);
            case ERROR -> new FontIcon(Feather.X_CIRCLE);
            case SKIPPED -> new FontIcon(Feather.MINUS_CIRCLE);
        };
        icon.getStyleClass().add(switch (s) {
            case OK -> Styles.SUCCESS;
            case ERROR -> Styles.DANGER;
            case SKIPPED -> Styles.TEXT_MUTED;
        });
        return icon;
    }

    static <S, T> TableColumn<S, T> column(String title, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110)); // a header word never shrinks to "Compon…"

        return c;
    }

    /** A text column whose cells show their whole text in a tooltip: a cell too narrow for it ends in "…". */
    static <S> void wholeTextOnHover(TableColumn<S, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (empty || item == null || item.isBlank()) {
                    setTooltip(null);
                } else {
                    javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip(item);
                    whole.setWrapText(true);
                    whole.setMaxWidth(520);
                    setTooltip(whole);
                }
            }
        });
    }

    /** Asks before something that cannot be undone; the OK button is #confirm-ok. */
    static boolean confirm(Node owner, String header, String body, String ok, I18n i18n) {
        ButtonType yes = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("dashboard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, body, yes, no);
        alert.setTitle(header);
        alert.setHeaderText(header);
        alert.initOwner(owner.getScene().getWindow());
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().lookupButton(yes).setId("confirm-ok");
        alert.getDialogPane().lookupButton(yes).getStyleClass().add(Styles.DANGER);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    /**
     * A fixed-width card for a flowing grid. A FlowPane asks its children's height without a width; with wrapping
     * text that height is the one-line height, and rows overlap. The card answers for its own width instead.
     */
    static javafx.scene.layout.VBox card(double width, Node... children) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, children) {
            @Override
            protected double computePrefHeight(double w) {
                return super.computePrefHeight(w < 0 ? width : w);
            }

            @Override
            protected double computeMinHeight(double w) {
                return computePrefHeight(w);
            }
        };
        box.setPrefWidth(width);
        box.setMinWidth(width);
        box.setMaxWidth(width);
        return box;
    }

    /** A search field with a magnifier and a button that clears it (ControlsFX), bound to {@code query}. */
    static org.controlsfx.control.textfield.CustomTextField search(String id, String prompt,
                                                                   javafx.beans.property.StringProperty query) {
        var field = (org.controlsfx.control.textfield.CustomTextField)
                org.controlsfx.control.textfield.TextFields.createClearableTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.textProperty().bindBidirectional(query);
        return field;
    }
}
