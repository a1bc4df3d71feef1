package dev.arcrun.app.home;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the home page and binds it to {@link HomeViewModel}; no logic of its own. */
public final class HomeView extends VBox {

    public HomeView(HomeViewModel model, I18n i18n) {
        getStyleClass().add(AppStyles.PAGE);
        setId("home");

        Label title = new Label(i18n.get("home.title"));
        title.getStyleClass().add(AppStyles.PAGE_TITLE);
        Label subtitle = new Label(i18n.get("home.subtitle"));
        subtitle.getStyleClass().add(AppStyles.MUTED);
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);

        Button startLocal = new Button(i18n.get("home.local.start"), new FontIcon(Feather.PLAY));
        startLocal.setId("start-local");
        startLocal.setDefaultButton(true);
        startLocal.disableProperty().bind(model.busyProperty());
        startLocal.setOnAction(e -> model.startLocal());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.busyProperty());
        Label url = new Label();
        url.setId("local-url");
        url.textProperty().bind(model.localUrlProperty().map(u -> u.isEmpty() ? "" : i18n.get("home.local.running", u)));
        Label progress = new Label();
        progress.setId("local-progress");
        progress.getStyleClass().add(AppStyles.MUTED);
        progress.textProperty().bind(model.progressProperty());
        progress.managedProperty().bind(progress.textProperty().isNotEmpty()); // no blank gap once done
        Button openDashboard = new Button(i18n.get("home.local.open_dashboard"), new FontIcon(Feather.GRID));
        openDashboard.setId("open-dashboard");
        openDashboard.managedProperty().bind(model.localUrlProperty().isNotEmpty());
        openDashboard.visibleProperty().bind(openDashboard.managedProperty());
        openDashboard.setOnAction(e -> model.openDashboard());
        Label error = new Label();
        error.setId("local-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());

        VBox local = card(i18n.get("home.local.title"), i18n.get("home.local.body"), true, i18n,
                new HBox(10, startLocal, spinner), progress, url, openDashboard, error);

        Button openWizard = new Button(i18n.get("home.cloudflare.open"), new FontIcon(Feather.CLOUD));
        openWizard.setId("open-cloudflare");
        openWizard.setOnAction(e -> model.openCloudflareWizard());
        VBox cloud = card(i18n.get("home.cloudflare.title"), i18n.get("home.cloudflare.body"), false, i18n, openWizard);

        HBox cards = new HBox(20, local, cloud);
        HBox.setHgrow(local, Priority.ALWAYS);
        HBox.setHgrow(cloud, Priority.ALWAYS);
        cards.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, subtitle, cards);
    }

    /** Buttons and labels in a card wrap their words when the card is narrow. */
    private static void wrapping(javafx.scene.Node n) {
        if (n instanceof javafx.scene.control.Labeled l) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(HomeView::wrapping);
        }
    }

    private static VBox card(String title, String body, boolean recommended, I18n i18n, javafx.scene.Node... extra) {
        Label t = new Label(title);
        t.getStyleClass().add(AppStyles.CARD_TITLE);
        t.setWrapText(true); // a narrow window wraps the words, never cuts them
        t.setMinHeight(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, t);
        head.setAlignment(Pos.CENTER_LEFT);
        if (recommended) {
            Label badge = new Label(i18n.get("home.recommended"));
            badge.getStyleClass().add(AppStyles.BADGE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            head.getChildren().add(badge);
        }
        Label b = new Label(body);
        b.setWrapText(true);
        b.getStyleClass().add(AppStyles.MUTED);
        b.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(head, b);
        card.getChildren().addAll(extra);
        for (javafx.scene.Node n : extra) {
            wrapping(n);
        }
        card.getStyleClass().add(AppStyles.TARGET_CARD);
        if (recommended) {
            card.getStyleClass().add(AppStyles.RECOMMENDED);
        }
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }
}
