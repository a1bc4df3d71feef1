package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Components tab: filter by category and words, then the catalog's cards. */
final class ComponentsView extends VBox {
    private static final double CARD_WIDTH = 340;

    ComponentsView(ComponentsViewModel model, I18n i18n) {
        setId("components");
        getStyleClass().add(AppStyles.DASHBOARD_TAB);

        ToggleButton all = category("comp-cat-all", i18n.get("dashboard.components.cat.all"), null, model);
        SegmentedButton categories = new SegmentedButton(all,
                category("comp-cat-logic", i18n.get("dashboard.components.cat.logic"), ComponentCard.Category.LOGIC, model),
                category("comp-cat-api", i18n.get("dashboard.components.cat.api"), ComponentCard.Category.API, model),
                category("comp-cat-control", i18n.get("dashboard.components.cat.control"), ComponentCard.Category.CONTROL, model));
        all.setSelected(true);
        // one category is always chosen: clicking the chosen one again keeps it
        categories.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });

        CustomTextField search = Widgets.search("comp-search", i18n.get("dashboard.components.search"), model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(420);
        HBox bar = new HBox(12, categories, search);
        bar.setAlignment(Pos.CENTER_LEFT);

        FlowPane cards = new FlowPane(14, 14);
        cards.setId("components-cards");
        cards.getStyleClass().add(AppStyles.CATALOG);
        Label none = Widgets.statePlaceholder("components-placeholder", model.stateProperty(), i18n, "dashboard.components.none");
        Runnable fill = () -> {
            if (model.shown().isEmpty()) {
                cards.getChildren().setAll(none);
            } else {
                cards.getChildren().setAll(model.shown().stream().map(c -> card(c, i18n)).toList());
            }
        };
        model.shown().addListener((ListChangeListener<ComponentCard>) ch -> fill.run());
        model.stateProperty().addListener((o, was, now) -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        MaskerPane loading = new MaskerPane();
        loading.setText(i18n.get("dashboard.state.loading"));
        loading.visibleProperty().bind(model.busyProperty());
        StackPane body = new StackPane(scroll, loading);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(Widgets.muted(i18n.get("dashboard.components.intro")), bar,
                Widgets.message("components-error", model.errorProperty(), Styles.DANGER), body);
    }

    private static ToggleButton category(String id, String text, ComponentCard.Category c, ComponentsViewModel model) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.categoryProperty().set(c);
            }
        });
        return b;
    }

    private static Node card(ComponentCard c, I18n i18n) {
        Label name = new Label(c.name());
        name.getStyleClass().add(AppStyles.CARD_TITLE);
        name.setWrapText(true);
        Label badge = new Label(i18n.get("dashboard.components.cat." + c.category().name().toLowerCase(Locale.ROOT)));
        badge.getStyleClass().addAll(AppStyles.BADGE, AppStyles.CATEGORY_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, name, grow, badge);
        head.setAlignment(Pos.TOP_LEFT);
        Label id = new Label(c.id());
        id.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, AppStyles.CODE);

        VBox box = Widgets.card(CARD_WIDTH, head, id, Widgets.muted(c.description()));
        box.getChildren().add(inputs(i18n.get("dashboard.components.required"), c.required(), i18n));
        if (!c.optional().isEmpty()) {
            box.getChildren().add(inputs(i18n.get("dashboard.components.optional"), c.optional(), i18n));
        }
        Label creds = new Label(c.credentials().isEmpty() ? i18n.get("dashboard.components.no_credentials")
                : i18n.get("dashboard.components.credentials", String.join(", ", c.credentials())), new FontIcon(Feather.KEY));
        creds.setWrapText(true);
        creds.setMinHeight(Region.USE_PREF_SIZE);
        creds.getStyleClass().add(Styles.TEXT_SMALL);
        box.getChildren().add(creds);
        if (!c.example().isEmpty()) {
            Label code = new Label(c.example());
            code.getStyleClass().add(AppStyles.CODE);
            code.setWrapText(true);
            code.setMinHeight(Region.USE_PREF_SIZE);
            TitledPane example = new TitledPane(i18n.get("dashboard.components.example"), code);
            example.setExpanded(false);
            example.getStyleClass().add(Styles.DENSE);
            box.getChildren().add(example);
        }
        box.setId("component-" + c.id());
        box.getStyleClass().addAll(AppStyles.CATALOG_CARD);
        return box;
    }

    private static Node inputs(String title, List<ComponentCard.Input> inputs, I18n i18n) {
        VBox box = new VBox(2);
        Label head = new Label(title);
        head.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        box.getChildren().add(head);
        if (inputs.isEmpty()) {
            box.getChildren().add(small(i18n.get("dashboard.components.no_inputs")));
        }
        for (ComponentCard.Input in : inputs) {
            String text = in.type().isEmpty() ? in.name() : in.name() + " (" + in.type() + ")";
            box.getChildren().add(small(in.description().isEmpty() ? text : text + " — " + in.description()));
        }
        return box;
    }

    private static Label small(String text) {
        Label l = Widgets.muted(text);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }
}
