package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The parts of a list the engine gives page by page: how far it is loaded, "Load more", and the search's pause. */
final class PagingControls {
    /** How long typing pauses before the engine is asked (what is loaded is searched at every key). */
    static final Duration SEARCH_PAUSE = Duration.millis(300);

    private PagingControls() {}

    /** "200 loaded · more on the engine" and a "Load more" button while there is more. */
    static HBox bar(String id, ObservableValue<String> count, ObservableBooleanValue more, ObservableBooleanValue loading,
                    Runnable loadMore, I18n i18n) {
        Label shown = new Label();
        shown.setId(id + "-count");
        shown.textProperty().bind(count);
        shown.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button button = new Button(i18n.get("dashboard.paging.more"), new FontIcon(Feather.CHEVRONS_DOWN));
        button.setId(id + "-more");
        button.getStyleClass().add(Styles.FLAT);
        button.managedProperty().bind(more);
        button.visibleProperty().bind(more);
        button.disableProperty().bind(loading);
        button.setOnAction(e -> loadMore.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, shown, grow, button);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Runs {@code ask} once the text has not changed for {@link #SEARCH_PAUSE}. */
    static void afterTypingPauses(ObservableStringValue text, Runnable ask) {
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> ask.run());
        text.addListener((o, was, now) -> pause.playFromStart());
    }

    /**
     * Whether the row at {@code index} of {@code size} is the last and the list is not searched: then showing it
     * loads the next page (a searched list's last row is often on screen, and would load page after page).
     */
    static boolean loadsMore(int index, int size, String query) {
        return size > 0 && index == size - 1 && (query == null || query.isBlank());
    }
}
