package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Examples tab: the workflows that ship with the app, each with a "Try it" that adds it and opens its run form. */
final class ExamplesView extends VBox {
    private static final double CARD_WIDTH = 340;

    ExamplesView(List<Examples.Example> examples, WorkflowsViewModel workflows, I18n i18n) {
        setId("examples");
        getStyleClass().add(AppStyles.DASHBOARD_TAB);
        FlowPane cards = new FlowPane(14, 14);
        cards.getStyleClass().add(AppStyles.CATALOG);
        for (Examples.Example e : examples) {
            cards.getChildren().add(card(e, workflows, i18n));
        }
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(Widgets.muted(i18n.get("dashboard.examples.intro")),
                Widgets.message("examples-error", workflows.errorProperty(), Styles.DANGER), scroll);
    }

    private static Node card(Examples.Example e, WorkflowsViewModel workflows, I18n i18n) {
        Label name = new Label(e.name(), new FontIcon(Feather.GIT_MERGE));
        name.getStyleClass().add(AppStyles.CARD_TITLE);
        String key = "dashboard.examples.about." + e.name();
        String about = i18n.get(key);
        Label description = Widgets.muted(about.startsWith("!") ? e.description() : about);
        Label steps = new Label(i18n.get("dashboard.workflows.steps", e.steps()));
        steps.getStyleClass().addAll(AppStyles.BADGE);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        Button tryIt = new Button(i18n.get("dashboard.examples.try"), new FontIcon(Feather.PLAY));
        tryIt.setId("try-" + e.name());
        tryIt.getStyleClass().add(Styles.ACCENT);
        tryIt.setMinWidth(Region.USE_PREF_SIZE);
        tryIt.disableProperty().bind(workflows.busyProperty());
        tryIt.setOnAction(ev -> workflows.tryExample(e));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox foot = new HBox(8, steps, grow, tryIt);
        foot.setAlignment(Pos.CENTER_LEFT);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        VBox box = Widgets.card(CARD_WIDTH, name, description, fill, foot);
        box.setId("example-" + e.name());
        box.getStyleClass().add(AppStyles.CATALOG_CARD);
        return box;
    }
}
