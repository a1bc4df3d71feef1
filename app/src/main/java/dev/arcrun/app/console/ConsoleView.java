package dev.arcrun.app.console;

import dev.arcrun.app.common.I18n;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A live console: monospace lines (warnings and errors marked), following the newest line unless the user scrolled
 * up to read, a "latest" button to follow again, and copy-all. Node ids: {@code #console-list}, {@code #console-copy},
 * {@code #console-latest}, {@code #console-hidden}.
 */
public final class ConsoleView extends VBox {
    private final ListView<ConsoleLine> list = new ListView<>();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);

    public ConsoleView(ConsoleViewModel model, I18n i18n) {
        getStyleClass().add("console");
        list.setId("console-list");
        list.getStyleClass().add("console-list");
        list.setItems(model.lines());
        list.setCellFactory(v -> new LineCell());
        list.setFixedCellSize(22); // one line each: exact scrolling to the end, and fast with thousands of lines
        list.setPlaceholder(new Label(i18n.get("console.empty")));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label hidden = new Label();
        hidden.setId("console-hidden");
        hidden.getStyleClass().add("muted");
        hidden.textProperty().bind(model.hiddenProperty().map(n -> n.longValue() == 0 ? ""
                : i18n.get("console.hidden", n.longValue())));
        Button latest = new Button(i18n.get("console.latest"), new FontIcon(Feather.ARROW_DOWN));
        latest.setId("console-latest");
        latest.visibleProperty().bind(follow.not());
        latest.managedProperty().bind(latest.visibleProperty());
        latest.setOnAction(e -> {
            follow.set(true);
            scrollToEnd();
        });
        Button copy = new Button(i18n.get("console.copy"), new FontIcon(Feather.COPY));
        copy.setId("console-copy");
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.lines()));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.allText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, hidden, gap, latest, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("console-bar");
        getChildren().addAll(bar, list);

        model.lines().addListener((ListChangeListener<ConsoleLine>) c -> {
            if (follow.get()) {
                scrollToEnd();
            }
        });
        // Scrolling up means "let me read": stop following until the user is back at the end.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                follow.set(false);
            } else {
                Platform.runLater(this::followIfAtEnd);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> follow.set(false)); // e.g. dragging the scroll bar
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::followIfAtEnd));
        list.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::followIfAtEnd));
    }

    /** True while new lines scroll into view; false after the user scrolled up. */
    public BooleanProperty followProperty() {
        return follow;
    }

    private void scrollToEnd() {
        int last = list.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        // One past the end: the flow then goes to its very end. scrollTo(last) puts that line at the top, clamped
        // by an estimate that can leave it cut off below.
        list.scrollTo(last + 1);
    }

    private void followIfAtEnd() {
        // The flow's position moves at once on wheel, keys and drags; its cells only at the next layout.
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            boolean fits = list.getFixedCellSize() * list.getItems().size() <= flow.getHeight();
            follow.set(fits || flow.getPosition() >= 0.999);
        }
    }

    private static final class LineCell extends ListCell<ConsoleLine> {
        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("console-warning", "console-error");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.plain());
            switch (line.level()) {
                case WARNING -> getStyleClass().add("console-warning");
                case ERROR -> getStyleClass().add("console-error");
                case INFO -> { }
            }
        }
    }
}
