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
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
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
 * A live console: the whole run's progress (step of steps, time left where known), then monospace lines with a
 * narrow coloured tag for their source, wrapped to the width the console has (a toggle, on by default; warnings and
 * errors wrap always, so they are never cut), npm's advisories dimmed, warnings and errors marked. It follows the
 * newest line unless the user scrolled up to read, with a "latest" button to follow again, and copy-all. Node ids:
 * {@code #console-list}, {@code #console-copy}, {@code #console-latest}, {@code #console-hidden},
 * {@code #console-wrap}, {@code #console-run-progress}, {@code #console-run-text}.
 */
public final class ConsoleView extends VBox {
    private final ListView<ConsoleLine> list = new ListView<>();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty wrap = new SimpleBooleanProperty(true);
    private boolean scrollPending;

    public ConsoleView(ConsoleViewModel model, I18n i18n) {
        getStyleClass().add("console");
        list.setId("console-list");
        list.getStyleClass().add("console-list");
        list.setItems(model.lines());
        list.setCellFactory(v -> new LineCell(wrap));
        // no fixed cell size: a wrapped line is as tall as it needs; only the visible cells are ever measured
        list.setPlaceholder(new Label(i18n.get("console.empty")));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label hidden = new Label();
        hidden.setId("console-hidden");
        hidden.getStyleClass().add("muted");
        hidden.textProperty().bind(model.hiddenProperty().map(n -> n.longValue() == 0 ? ""
                : model.logLocation().isEmpty() ? i18n.get("console.hidden", n.longValue())
                : i18n.get("console.hidden.at", n.longValue(), model.logLocation())));
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
        ToggleButton wrapToggle = new ToggleButton(i18n.get("console.wrap"), new FontIcon(Feather.CORNER_DOWN_LEFT));
        wrapToggle.setId("console-wrap");
        wrapToggle.selectedProperty().bindBidirectional(wrap);
        wrap.addListener((o, was, now) -> list.refresh());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        hidden.setWrapText(true);
        hidden.setMinWidth(0);
        HBox bar = new HBox(8, hidden, gap, wrapToggle, latest, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("console-bar");
        getChildren().addAll(runProgress(model.progress(), i18n), bar, list);

        model.lines().addListener((ListChangeListener<ConsoleLine>) c -> {
            if (follow.get() && !scrollPending) {
                // After the list's own skin has seen the change: scrolling inside this callback can be undone by
                // the skin's later recount of the lines.
                scrollPending = true;
                Platform.runLater(() -> {
                    scrollPending = false;
                    if (follow.get()) {
                        scrollToEnd();
                    }
                });
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

    /** The whole run's bar and "Step 3 of 13 · about 40 s left in this download"; hidden when no run is planned. */
    private static VBox runProgress(RunProgress p, I18n i18n) {
        ProgressBar bar = new ProgressBar();
        bar.setId("console-run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(p.fractionProperty());
        Label text = new Label();
        text.setId("console-run-text");
        text.getStyleClass().add(dev.arcrun.app.theme.AppStyles.MUTED);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int total = p.totalProperty().get();
            if (total == 0) {
                return "";
            }
            if (p.finishedProperty().get() == total) {
                return i18n.get("console.run.done", total);
            }
            String step = i18n.get("console.run.step", Math.max(1, p.currentProperty().get()), total);
            long left = p.secondsLeftProperty().get();
            return left == RunProgress.UNKNOWN ? step : step + " · " + i18n.get("console.run.left", left);
        }, p.totalProperty(), p.finishedProperty(), p.currentProperty(), p.secondsLeftProperty()));
        VBox box = new VBox(4, bar, text);
        box.getStyleClass().add("console-run");
        box.visibleProperty().bind(p.totalProperty().greaterThan(0));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Whether long lines wrap to the console's width (on by default); warnings and errors wrap regardless. */
    public BooleanProperty wrapProperty() {
        return wrap;
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
            var first = flow.getFirstVisibleCell();
            var last = flow.getLastVisibleCell();
            boolean fits = first != null && last != null && first.getIndex() == 0
                    && last.getIndex() == list.getItems().size() - 1;
            follow.set(fits || flow.getPosition() >= 0.999);
        }
    }

    private static final class LineCell extends ListCell<ConsoleLine> {
        /** Pictographs (wrangler's ✨, 🌀, ⛅️) that monospace fonts lack and would show as empty boxes; ✘ and ▲ stay. */
        private static final java.util.regex.Pattern PICTOGRAPHS =
                java.util.regex.Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{26FF}\\x{2728}\\x{FE0F}]+ ?");
        private static final String[] LEVELS = {"console-notice", "console-warning", "console-error"};
        private static final String[] TAGS = {"console-tag-0", "console-tag-1", "console-tag-2", "console-tag-3"};

        private static final double TAG_WIDTH = 110;

        /**
         * A tag, not a column: a long source (a step's title) is cut to a share of the console's width (at least
         * {@link #TAG_WIDTH}), its whole name on hover. Its preferred width is the cut one too, so the line's text is
         * measured with the room it really gets (else it reserves a second, empty line).
         */
        private final Label source = new Label() {
            @Override
            protected double computePrefWidth(double height) {
                return Math.min(super.computePrefWidth(height), tagWidth());
            }

            @Override
            protected double computeMinWidth(double height) {
                return computePrefWidth(height);
            }
        };
        private final javafx.scene.control.Tooltip sourceName = new javafx.scene.control.Tooltip();
        private final BooleanProperty wrap;

        LineCell(BooleanProperty wrap) {
            this.wrap = wrap;
            source.getStyleClass().addAll("console-source", "console-tag");
            source.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            source.setTooltip(sourceName);
            setGraphicTextGap(8);
            setAlignment(Pos.TOP_LEFT);
            // no width of its own: the flow gives every cell the console's width, and lines wrap (or are cut) there
            setPrefWidth(0);
        }

        private double tagWidth() {
            double console = getListView() == null ? 0 : getListView().getWidth();
            return Math.max(TAG_WIDTH, console * 0.28);
        }

        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(LEVELS);
            source.getStyleClass().removeAll(TAGS);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                setWrapText(false);
                return;
            }
            source.setText(line.source());
            sourceName.setText(line.source());
            // one colour per source, the same on every line: a glance tells wrangler from npm
            source.getStyleClass().add(TAGS[Math.floorMod(line.source().hashCode(), TAGS.length)]);
            setGraphic(line.source().isEmpty() ? null : source);
            setText(PICTOGRAPHS.matcher(line.text()).replaceAll(""));
            // Wrapping off is the compact view: one line each, cut at the console's edge (copy-all has the whole
            // text) — except warnings and errors, which wrap always.
            setWrapText(wrap.get() || line.level().important());
            switch (line.level()) {
                case NOTICE -> getStyleClass().add("console-notice");
                case WARNING -> getStyleClass().add("console-warning");
                case ERROR -> getStyleClass().add("console-error");
                case INFO -> { }
            }
        }
    }
}
