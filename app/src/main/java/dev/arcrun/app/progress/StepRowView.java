package dev.arcrun.app.progress;

import dev.arcrun.app.theme.AppStyles;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One step row as every page that lists a pipeline draws it: its state's icon (a spinner while it runs), its title
 * and what it reported. Node id {@code #step-<id>}, style class {@link AppStyles#STEP_STATE_PREFIX} + its state.
 */
public final class StepRowView {
    private StepRowView() {}

    /** @param onActive told of the row when its step starts or fails (a long list scrolls it into view) */
    public static Node of(StepRow s, Consumer<Node> onActive) {
        StackPane icon = new StackPane();
        icon.setMinSize(20, 20);
        icon.setPrefSize(20, 20);
        icon.setMaxHeight(Region.USE_PREF_SIZE); // beside the title, not halfway down a two-line row
        Label title = new Label(s.title());
        title.getStyleClass().add(AppStyles.STEP_TITLE);
        title.setWrapText(true);
        Label summary = new Label();
        summary.getStyleClass().add(AppStyles.MUTED);
        summary.setWrapText(true);
        summary.textProperty().bind(s.summaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        VBox text = new VBox(2, title, summary);
        HBox row = new HBox(10, icon, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        row.setId("step-" + s.step().name().toLowerCase(Locale.ROOT));
        row.getStyleClass().add(AppStyles.STEP_ROW);
        s.stateProperty().subscribe(state -> {
            icon.getChildren().setAll(icon(state));
            row.getStyleClass().removeIf(c -> c.startsWith(AppStyles.STEP_STATE_PREFIX));
            row.getStyleClass().add(AppStyles.STEP_STATE_PREFIX + state.name().toLowerCase(Locale.ROOT));
            if (state == StepRow.State.RUNNING || state == StepRow.State.FAILED) {
                onActive.accept(row);
            }
        });
        return row;
    }

    private static Node icon(StepRow.State state) {
        if (state == StepRow.State.RUNNING) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(18, 18);
            return p;
        }
        FontIcon i = new FontIcon(switch (state) {
            case PENDING -> Feather.CIRCLE;
            case DONE -> Feather.CHECK_CIRCLE;
            case SKIPPED -> Feather.MINUS_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case FAILED -> Feather.X_CIRCLE;
            case RUNNING -> Feather.LOADER;
        });
        i.getStyleClass().add(AppStyles.STEP_ICON);
        return i;
    }
}
