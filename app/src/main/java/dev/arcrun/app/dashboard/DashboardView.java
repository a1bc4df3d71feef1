package dev.arcrun.app.dashboard;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import dev.arcrun.core.config.Target;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The dashboard page: a header about the engine, and tabs; or, with no install, a way to the Start page. */
public final class DashboardView extends StackPane {

    private static final javafx.util.Duration HEALTH_POLL = javafx.util.Duration.seconds(30);

    /** The tabs' views, built by {@link DashboardPage}. */
    record Tabs(Node credentials, Node services, Node workflows, Node maintenance, Node components, Node examples) {}

    private TabPane tabPane;

    /** Shows the tab with this id ({@code tab-workflows} after an example was added). */
    void showTab(String id) {
        tabPane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(tabPane.getSelectionModel()::select);
    }

    DashboardView(DashboardViewModel model, I18n i18n, Tabs tabs) {
        setId("dashboard");

        tabPane = new TabPane(
                tab("tab-creds", i18n.get("dashboard.tab.creds"), Feather.KEY, tabs.credentials()),
                tab("tab-services", i18n.get("dashboard.tab.services"), Feather.LINK, tabs.services()),
                tab("tab-workflows", i18n.get("dashboard.tab.workflows"), Feather.GIT_MERGE, tabs.workflows()),
                // the catalog and the examples, beside the workflows they help to write
                tab("tab-examples", i18n.get("dashboard.tab.examples"), Feather.BOOK_OPEN, tabs.examples()),
                tab("tab-components", i18n.get("dashboard.tab.components"), Feather.BOX, tabs.components()),
                tab("tab-maintenance", i18n.get("dashboard.tab.maintenance"), Feather.TOOL, tabs.maintenance()));
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabPane.getStyleClass().add(Styles.TABS_FLOATING);
        VBox.setVgrow(tabPane, Priority.ALWAYS);
        VBox page = new VBox(16, header(model, i18n), DetailsDialog.errorLine("dashboard-error", model.errorProperty(), model.detailsProperty(), i18n), tabPane);
        page.getStyleClass().add(AppStyles.DASHBOARD_PAGE);

        Node empty = emptyState(model, i18n);
        BooleanBinding none = Bindings.isEmpty(model.installNames()).and(model.loadedProperty());
        empty.visibleProperty().bind(none);
        page.visibleProperty().bind(none.not());
        getChildren().addAll(page, empty);

        // Read the installs each time the page is shown: one may have been added on the Start page meanwhile.
        // While shown, the engine's health is asked again now and then (the header says when it was last asked).
        Timeline poll = new Timeline(new KeyFrame(HEALTH_POLL, e -> model.checkHealth()));
        poll.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.reload();
            }
        });
        // polled only while this page is on a window that shows: a closed window asks nothing
        sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::showingProperty)
                .orElse(false).subscribe(showing -> {
                    if (showing) {
                        poll.play();
                    } else {
                        poll.stop();
                    }
                });
    }

    private static Tab tab(String id, String title, Feather icon, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setGraphic(new FontIcon(icon));
        return t;
    }

    private static Node header(DashboardViewModel model, I18n i18n) {
        Label title = new Label(i18n.get("dashboard.title"));
        title.getStyleClass().add(AppStyles.PAGE_TITLE);

        ComboBox<String> picker = new ComboBox<>(model.installNames());
        picker.setId("install-picker");
        picker.valueProperty().bindBidirectional(model.selectedProperty());
        picker.managedProperty().bind(Bindings.size(model.installNames()).greaterThan(1));
        picker.visibleProperty().bind(picker.managedProperty());
        HBox top = new HBox(14, title, picker);
        top.setAlignment(Pos.CENTER_LEFT);

        var connection = model.connectionProperty();
        Label target = fact("engine-target", Feather.MONITOR);
        target.textProperty().bind(connection.map(c -> c.config().target() == Target.LOCAL
                ? i18n.get("dashboard.target.local") : i18n.get("dashboard.target.cloudflare")).orElse(""));
        Label url = fact("engine-url", Feather.GLOBE);
        url.textProperty().bind(connection.map(c -> c.config().engineUrl() == null ? i18n.get("dashboard.url.none")
                : c.config().engineUrl()).orElse(""));
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("copy-url");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip(i18n.get("dashboard.url.copy")));
        copy.disableProperty().bind(connection.map(c -> c.config().engineUrl() == null).orElse(true));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(url.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Label version = fact("engine-version", Feather.TAG);
        version.textProperty().bind(model.engineVersionProperty().map(v -> v.isEmpty() ? "" : i18n.get("dashboard.version", v)));
        version.managedProperty().bind(version.textProperty().isNotEmpty()); // no lone tag icon before there is a version
        version.visibleProperty().bind(version.managedProperty());

        Label health = new Label();
        health.setId("engine-health");
        health.getStyleClass().add(AppStyles.HEALTH_BADGE);
        health.textProperty().bind(model.healthProperty().map(h -> switch (h) {
            case UNKNOWN -> "";
            case CHECKING -> i18n.get("dashboard.health.checking");
            case OK -> i18n.get("dashboard.health.ok");
            case DOWN -> i18n.get("dashboard.health.down");
        }));
        health.graphicProperty().bind(model.healthProperty().map(h -> new FontIcon(switch (h) {
            case OK -> Feather.CHECK_CIRCLE;
            case DOWN -> Feather.ALERT_CIRCLE;
            default -> Feather.CLOCK;
        })));
        model.healthProperty().addListener((o, was, now) -> {
            health.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now == HealthState.OK || now == HealthState.DOWN) {
                health.getStyleClass().add(now == HealthState.OK ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        Label checked = new Label();
        checked.setId("health-checked");
        checked.getStyleClass().add(Styles.TEXT_MUTED);
        checked.textProperty().bind(model.lastCheckedProperty().map(t -> i18n.get("dashboard.health.checked", CHECKED.format(t))).orElse(""));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-health");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        refresh.setTooltip(new Tooltip(i18n.get("dashboard.health.refresh")));
        refresh.disableProperty().bind(model.healthProperty().isEqualTo(HealthState.CHECKING));
        refresh.setOnAction(e -> model.checkHealth());
        // an install without an engine yet has no health to show or ask for
        health.managedProperty().bind(model.healthProperty().isNotEqualTo(HealthState.UNKNOWN));
        health.visibleProperty().bind(health.managedProperty());
        refresh.managedProperty().bind(connection.map(c -> c.config().engineUrl() != null).orElse(false));
        refresh.visibleProperty().bind(refresh.managedProperty());

        // Short facts keep their full text; a long workers.dev URL is what gives way (its tooltip has all of it).
        for (Label l : new Label[] {target, version, health, checked}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        url.setMinWidth(0);
        url.tooltipProperty().bind(url.textProperty().map(Tooltip::new));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox urlBox = new HBox(2, url, copy);
        urlBox.setAlignment(Pos.CENTER_LEFT);
        urlBox.setMinWidth(0);
        HBox.setHgrow(urlBox, Priority.SOMETIMES);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox facts = new HBox(18, target, urlBox, version, grow, health, refresh);
        facts.setAlignment(Pos.CENTER_LEFT);
        facts.getStyleClass().add(AppStyles.ENGINE_FACTS);
        // under the facts, so the engine's address keeps its room: the local engine's Start/Stop and when it was asked
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox status = new HBox(10, localRow(model, i18n), push, checked);
        status.setAlignment(Pos.CENTER_LEFT);
        status.managedProperty().bind(connection.isNotNull().and(checked.textProperty().isNotEmpty()
                .or(Bindings.createBooleanBinding(() -> DashboardViewModel.isLocal(connection.get()), connection))));
        status.visibleProperty().bind(status.managedProperty());
        return new VBox(10, top, facts, status, unfinishedRow(model, i18n));
    }

    private static final java.time.format.DateTimeFormatter CHECKED =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** A local install's Start and Stop, and who started the engine (which decides whether quitting stops it). */
    private static Node localRow(DashboardViewModel model, I18n i18n) {
        BooleanBinding local = Bindings.createBooleanBinding(() -> DashboardViewModel.isLocal(model.connectionProperty().get()),
                model.connectionProperty());
        Button start = new Button(i18n.get("dashboard.local.start"), new FontIcon(Feather.PLAY));
        start.setId("local-start");
        start.managedProperty().bind(model.healthProperty().isEqualTo(HealthState.DOWN));
        start.visibleProperty().bind(start.managedProperty());
        start.disableProperty().bind(model.localBusyProperty());
        start.setOnAction(e -> model.startLocal());
        Button stop = new Button(i18n.get("dashboard.local.stop"), new FontIcon(Feather.SQUARE));
        stop.setId("local-stop");
        stop.managedProperty().bind(model.healthProperty().isEqualTo(HealthState.OK));
        stop.visibleProperty().bind(stop.managedProperty());
        stop.disableProperty().bind(model.localBusyProperty());
        stop.setOnAction(e -> model.stopLocal());
        javafx.scene.control.ProgressIndicator busy = new javafx.scene.control.ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.localBusyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label origin = new Label();
        origin.setId("local-origin");
        origin.getStyleClass().add(Styles.TEXT_MUTED);
        origin.setWrapText(true);
        origin.setMinHeight(Region.USE_PREF_SIZE);
        origin.textProperty().bind(model.localOriginProperty().map(o -> switch (o) {
            case NONE -> "";
            case THIS_APP -> i18n.get("dashboard.local.here");
            case ELSEWHERE -> i18n.get("dashboard.local.elsewhere");
        }));
        HBox row = new HBox(10, start, stop, busy, origin);
        row.setAlignment(Pos.CENTER_LEFT);
        row.managedProperty().bind(local);
        row.visibleProperty().bind(local);
        return row;
    }

    /** An install that stopped before the end says so, with the way to finish it. */
    private static Node unfinishedRow(DashboardViewModel model, I18n i18n) {
        Label text = new Label();
        text.setId("install-unfinished");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        text.getStyleClass().add(Styles.WARNING);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(model.unfinishedProperty().map(u -> i18n.get("dashboard.unfinished",
                i18n.core().step(u.stoppedAt()))).orElse(""));
        Button finish = new Button(i18n.get("resume.finish"), new FontIcon(Feather.PLAY));
        finish.setId("finish-install");
        finish.getStyleClass().add(Styles.ACCENT);
        finish.setMinWidth(Region.USE_PREF_SIZE);
        finish.setOnAction(e -> model.finishInstall());
        HBox row = new HBox(12, text, finish);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(AppStyles.UNFINISHED_ROW);
        row.managedProperty().bind(model.unfinishedProperty().isNotNull());
        row.visibleProperty().bind(row.managedProperty());
        return row;
    }

    private static Label fact(String id, Feather icon) {
        Label l = new Label();
        l.setId(id);
        l.setGraphic(new FontIcon(icon));
        return l;
    }

    private static Node emptyState(DashboardViewModel model, I18n i18n) {
        FontIcon icon = new FontIcon(Feather.INBOX);
        icon.getStyleClass().add(AppStyles.EMPTY_ICON);
        Label title = new Label();
        title.setId("dashboard-empty-title");
        title.textProperty().bind(model.settingUpProperty().map(b -> i18n.get(b ? "dashboard.settingup.title" : "dashboard.empty.title")));
        title.getStyleClass().add(Styles.TITLE_3);
        Label body = Widgets.muted("");
        body.textProperty().bind(model.settingUpProperty().map(b -> i18n.get(b ? "dashboard.settingup.body" : "dashboard.empty.body")));
        body.setMaxWidth(420);
        body.setAlignment(Pos.CENTER);
        body.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Button start = new Button(i18n.get("dashboard.empty.start"), new FontIcon(Feather.ARROW_RIGHT));
        start.setId("empty-open-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> model.openStart());
        VBox box = new VBox(14, icon, title, body, start);
        box.setId("dashboard-empty");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(AppStyles.PAGE);
        return box;
    }
}
