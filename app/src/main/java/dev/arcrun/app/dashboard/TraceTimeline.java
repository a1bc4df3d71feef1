package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.sdk.StepStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A run's trace as a timeline: each step with its status icon, component and a bar for how long it took (against
 * the slowest step), failed steps highlighted with their error. The chosen step's input and output unfold below as
 * a JSON tree, and copy as JSON. Both lists are virtual: a trace of 100 steps opens like one of three.
 */
final class TraceTimeline {
    private static final double BAR = 120;
    private static final double WHO = 170;
    private static final double MS = 72;

    private final LongProperty slowest = new SimpleLongProperty(1);
    private final ListView<TraceRow> steps;
    private final VBox detail;

    TraceTimeline(ObservableList<TraceRow> trace, I18n i18n) {
        trace.addListener((ListChangeListener<TraceRow>) c ->
                slowest.set(Math.max(1, trace.stream().mapToLong(TraceRow::durationMs).max().orElse(1))));
        steps = new ListView<>(trace);
        steps.setId("trace-timeline");
        steps.getStyleClass().add(AppStyles.TIMELINE);
        steps.setPlaceholder(Widgets.muted(i18n.get("dashboard.run.no_trace")));
        steps.setCellFactory(v -> new StepCell(i18n));

        Label title = Widgets.title("");
        title.setId("trace-step-title");
        Label error = Widgets.message("trace-step-error", Bindings.createStringBinding(() -> {
            TraceRow r = steps.getSelectionModel().getSelectedItem();
            return r == null || r.error() == null ? "" : r.error().message() + " (" + r.error().code() + ")";
        }, steps.getSelectionModel().selectedItemProperty()), Styles.DANGER);
        TreeView<String> json = new TreeView<>();
        json.setId("trace-json");
        json.getStyleClass().add(AppStyles.JSON_TREE);
        json.setShowRoot(false);
        VBox.setVgrow(json, Priority.ALWAYS);
        Button copy = iconButton("trace-copy", Feather.COPY, i18n.get("dashboard.trace.copy"));
        copy.disableProperty().bind(steps.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copy(JsonText.pretty(steps.getSelectionModel().getSelectedItem().toJson())));
        Button copyAll = iconButton("trace-copy-all", Feather.CLIPBOARD, i18n.get("dashboard.trace.copy_all"));
        copyAll.disableProperty().bind(Bindings.isEmpty(trace));
        copyAll.setOnAction(e -> {
            var all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            trace.forEach(r -> all.add(r.toJson()));
            copy(JsonText.pretty(all));
        });
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(8, title, copy, copyAll);
        head.setAlignment(Pos.CENTER_LEFT);
        detail = new VBox(6, head, error, json);
        detail.setId("trace-detail");

        steps.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            title.setText(now == null ? i18n.get("dashboard.trace.pick") : i18n.get("dashboard.trace.step", now.step(), now.component()));
            TreeItem<String> root = new TreeItem<>();
            if (now != null) {
                JsonTreeItem in = new JsonTreeItem(i18n.get("dashboard.trace.input"), now.input());
                JsonTreeItem out = new JsonTreeItem(i18n.get("dashboard.trace.output"), now.output());
                in.setExpanded(true);
                out.setExpanded(true);
                root.getChildren().setAll(java.util.List.of(in, out));
            }
            json.setRoot(root);
        });
        title.setText(i18n.get("dashboard.trace.pick"));
        // a new run: show its failed step, else its first, at once
        trace.addListener((ListChangeListener<TraceRow>) c -> {
            if (!trace.isEmpty() && steps.getSelectionModel().getSelectedItem() == null) {
                int failed = -1;
                for (int i = 0; i < trace.size() && failed < 0; i++) {
                    failed = trace.get(i).status() == StepStatus.ERROR ? i : -1;
                }
                steps.getSelectionModel().select(Math.max(failed, 0));
            }
        });

    }

    /** The steps, one line each. */
    ListView<TraceRow> steps() {
        return steps;
    }

    /** The chosen step: its error, and its input and output as a JSON tree. */
    VBox detail() {
        return detail;
    }

    /** A small icon button; its tooltip says what it does (the label would not fit beside a step's name). */
    private static Button iconButton(String id, Feather icon, String what) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(what));
        b.setAccessibleText(what);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private final class StepCell extends ListCell<TraceRow> {
        private final I18n i18n;

        StepCell(I18n i18n) {
            this.i18n = i18n;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TraceRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().remove(AppStyles.TIMELINE_STEP_ERROR);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(r.step());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label component = new Label(r.component());
            component.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox who = new VBox(0, name, component);
            who.setMinWidth(WHO); // the same width on every line, so the bars line up like a timeline
            who.setPrefWidth(WHO);
            who.setMaxWidth(WHO);
            Region bar = new Region();
            bar.getStyleClass().add(AppStyles.DURATION_BAR);
            bar.setMaxWidth(Math.max(2, BAR * r.durationMs() / (double) slowest.get()));
            bar.setPrefWidth(bar.getMaxWidth());
            Region track = new Region();
            track.getStyleClass().add(AppStyles.DURATION_TRACK);
            track.setPrefWidth(BAR);
            StackPane bars = new StackPane(track, bar);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            bars.setMinWidth(BAR);
            bars.setMaxWidth(BAR);
            Label ms = new Label(i18n.get("dashboard.run.ms", r.durationMs()));
            ms.getStyleClass().add(Styles.TEXT_SMALL);
            ms.setMinWidth(MS);
            ms.setPrefWidth(MS);
            ms.setAlignment(Pos.CENTER_RIGHT);
            Label detail = new Label(r.detail());
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, r.status() == StepStatus.ERROR ? Styles.DANGER : Styles.TEXT_MUTED);
            detail.setMinWidth(0);
            HBox.setHgrow(detail, Priority.ALWAYS);
            HBox line = new HBox(10, Widgets.statusIcon(r.status()), who, bars, ms, detail);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add(AppStyles.TIMELINE_STEP);
            if (r.status() == StepStatus.ERROR) {
                line.getStyleClass().add(AppStyles.TIMELINE_STEP_ERROR);
            }
            setText(null);
            setGraphic(line);
            setTooltip(new Tooltip(switch (r.status()) {
                case OK -> i18n.get("dashboard.status.ok");
                case ERROR -> i18n.get("dashboard.status.error");
                case SKIPPED -> i18n.get("dashboard.status.skipped");
            } + " · " + r.detail()));
        }
    }
}
