package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.settings.SettingsViewModel;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.Target;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Settings page: the app's language and theme, then one install's engine settings and details (the account and
 * the resources it created, each a link into the Cloudflare dashboard; the bundle it runs; its journal).
 */
final class SettingsView extends ScrollPane {

    /** @param background the "keep the local engine running in the background" setting, shown as its own section */
    SettingsView(SettingsViewModel app, Node background, DashboardViewModel install, EngineOptionsViewModel engine,
                 PlanLimitsViewModel limits, I18n i18n, Consumer<String> openInBrowser) {
        setId("settings");
        setFitToWidth(true);
        getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add(AppStyles.PAGE_TITLE);
        VBox page = new VBox(20, title,
                Widgets.message("settings-error", app.errorProperty(), Styles.DANGER),
                appearance(app, i18n),
                section("settings-background", i18n.get("settings.background"), background),
                engine(install, engine, i18n),
                limits(install, limits, i18n),
                details(install, i18n, openInBrowser));
        page.getStyleClass().addAll(AppStyles.PAGE, AppStyles.SETTINGS_PAGE);
        setContent(page);

        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                install.reload();
            }
        });
    }

    private static VBox section(String id, String title, Node... rows) {
        Label head = new Label(title);
        head.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(12, head);
        box.getChildren().addAll(rows);
        box.setId(id);
        box.getStyleClass().addAll(AppStyles.DASHBOARD_CARD, AppStyles.SETTINGS_SECTION);
        return box;
    }

    private static HBox row(String label, Node control) {
        Label l = new Label(label);
        l.getStyleClass().add(AppStyles.FIELD_LABEL);
        l.setMinWidth(180);
        l.setPrefWidth(180);
        l.setWrapText(true);
        HBox row = new HBox(12, l, control);
        row.setAlignment(control instanceof VBox ? Pos.TOP_LEFT : Pos.CENTER_LEFT);
        row.getStyleClass().add(AppStyles.SETTINGS_ROW);
        return row;
    }

    private static Node appearance(SettingsViewModel app, I18n i18n) {
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(app.languages());
        language.setCellFactory(v -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(app.languageProperty().get());
        // applied after the pick settles: switching rebuilds the window, this page included
        language.valueProperty().addListener((o, was, now) ->
                javafx.application.Platform.runLater(() -> app.languageProperty().set(now)));
        app.languageProperty().addListener((o, was, now) -> language.setValue(now)); // a refused switch goes back

        SegmentedButton theme = new SegmentedButton();
        for (ThemeManager.Mode m : ThemeManager.Mode.values()) {
            String key = m.name().toLowerCase(Locale.ROOT);
            ToggleButton b = new ToggleButton(i18n.get("settings.theme." + key), new FontIcon(switch (m) {
                case LIGHT -> Feather.SUN;
                case DARK -> Feather.MOON;
                case SYSTEM -> Feather.MONITOR;
            }));
            b.setId("theme-" + key);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setSelected(app.themeProperty().get() == m);
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    app.themeProperty().set(m);
                }
            });
            theme.getButtons().add(b);
        }
        theme.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        return section("settings-appearance", i18n.get("settings.appearance"),
                row(i18n.get("settings.language"), language),
                row(i18n.get("settings.theme"), theme));
    }

    /** Each language named in itself, so a user who cannot read the current one still finds theirs. */
    private static final class LanguageCell extends ListCell<Locale> {
        @Override
        protected void updateItem(Locale l, boolean empty) {
            super.updateItem(l, empty);
            setText(empty || l == null ? null : l.getLanguage().equals("zh") ? "繁體中文" : "English");
        }
    }

    private static Node engine(DashboardViewModel install, EngineOptionsViewModel engine, I18n i18n) {
        ComboBox<String> picker = new ComboBox<>(install.installNames());
        picker.setId("settings-install");
        picker.valueProperty().bindBidirectional(install.selectedProperty());
        Label only = new Label();
        only.textProperty().bind(install.selectedProperty().orElse(i18n.get("settings.no_install")));
        only.graphicProperty().bind(install.connectionProperty().map(c -> targetIcon(c.config().target())));
        picker.managedProperty().bind(Bindings.size(install.installNames()).greaterThan(1));
        picker.visibleProperty().bind(picker.managedProperty());
        only.managedProperty().bind(picker.managedProperty().not());
        only.visibleProperty().bind(only.managedProperty());

        TextArea hosts = new TextArea();
        hosts.setId("private-hosts");
        hosts.getStyleClass().add(AppStyles.CODE);
        hosts.setPrefRowCount(4);
        hosts.setPromptText("127.0.0.1:8080");
        hosts.textProperty().bindBidirectional(engine.hostsProperty());
        hosts.disableProperty().bind(install.connectionProperty().map(c -> c.client() == null).orElse(true));
        HBox.setHgrow(hosts, Priority.ALWAYS);
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(hosts, false, Validator.<String>createPredicateValidator(
                t -> engine.check(t).isEmpty(), i18n.get("settings.hosts.hint")));
        Label problem = Widgets.message("private-hosts-problem",
                Bindings.createStringBinding(() -> engine.check(hosts.getText()), hosts.textProperty()), Styles.DANGER);

        Button save = new Button(i18n.get("settings.hosts.save"), new FontIcon(Feather.SAVE));
        save.setId("private-hosts-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(engine.busyProperty().or(problem.managedProperty()).or(hosts.disabledProperty()));
        save.setOnAction(e -> engine.save());

        VBox hostsBox = new VBox(6, Widgets.muted(i18n.get("settings.hosts.about")), hosts, problem,
                Widgets.message("private-hosts-error", engine.errorProperty(), Styles.DANGER),
                Widgets.message("private-hosts-notice", engine.noticeProperty(), Styles.SUCCESS), save);
        HBox.setHgrow(hostsBox, Priority.ALWAYS);
        return section("settings-engine", i18n.get("settings.engine"),
                row(i18n.get("settings.install"), new HBox(8, picker, only)),
                row(i18n.get("settings.hosts"), hostsBox));
    }

    /** The plan limits: subrequests per run and retention, editable where the engine has them; the run size budget. */
    private static Node limits(DashboardViewModel install, PlanLimitsViewModel limits, I18n i18n) {
        javafx.beans.binding.BooleanBinding locked = limits.availableProperty().not()
                .or(Bindings.createBooleanBinding(() -> install.connectionProperty().get() == null
                        || install.connectionProperty().get().client() == null, install.connectionProperty()));
        javafx.scene.control.TextField subrequests = number("limit-subrequests", limits.subrequestsProperty(), locked);
        javafx.scene.control.TextField retention = number("limit-retention", limits.retentionProperty(), locked);
        Label problem = Widgets.message("limits-problem", limits.problemProperty(), Styles.DANGER);
        Button save = new Button(i18n.get("settings.limits.save"), new FontIcon(Feather.SAVE));
        save.setId("limits-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(limits.busyProperty().or(problem.managedProperty()).or(locked));
        save.setOnAction(e -> limits.save());
        Label old = Widgets.muted(i18n.get("settings.limits.unavailable"));
        old.setId("limits-unavailable");
        old.managedProperty().bind(limits.availableProperty().not().and(
                Bindings.createBooleanBinding(() -> limits.stateProperty().getValue() instanceof ListState.Loaded,
                        limits.stateProperty())));
        old.visibleProperty().bind(old.managedProperty());
        Label budget = Widgets.muted(i18n.get("settings.limits.budget", PlanLimitsViewModel.RUN_BUDGET_MIB));
        budget.setId("limits-budget");
        budget.setWrapText(true);
        VBox box = new VBox(6, Widgets.muted(i18n.get("settings.limits.about")),
                row(i18n.get("settings.limits.subrequests"), subrequests),
                row(i18n.get("settings.limits.retention"), retention), problem, old,
                Widgets.message("limits-error", limits.errorProperty(), Styles.DANGER),
                Widgets.message("limits-notice", limits.noticeProperty(), Styles.SUCCESS), save, budget);
        return section("settings-limits", i18n.get("settings.limits"), box);
    }

    private static javafx.scene.control.TextField number(String id, javafx.beans.property.StringProperty value,
                                                         javafx.beans.value.ObservableBooleanValue locked) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        f.textProperty().bindBidirectional(value);
        f.disableProperty().bind(locked);
        return f;
    }

    static FontIcon targetIcon(Target t) {
        return new FontIcon(t == Target.LOCAL ? Feather.MONITOR : Feather.CLOUD);
    }

    private static Node details(DashboardViewModel install, I18n i18n, Consumer<String> open) {
        VBox body = new VBox(10);
        body.setId("install-details");
        install.connectionProperty().addListener((o, was, now) -> fill(body, now == null ? null : now.config(), i18n, open));
        fill(body, null, i18n, open);
        return section("settings-details", i18n.get("settings.details"), body);
    }

    private static void fill(VBox body, InstallConfig c, I18n i18n, Consumer<String> open) {
        body.getChildren().clear();
        if (c == null) {
            body.getChildren().add(Widgets.muted(i18n.get("settings.no_install")));
            return;
        }
        GridPane grid = new GridPane(16, 8);
        int[] r = {0};
        Consumer<Node[]> add = pair -> grid.addRow(r[0]++, pair);
        add.accept(new Node[] {key(i18n.get("settings.details.target")), new Label(
                i18n.get(c.target() == Target.LOCAL ? "dashboard.target.local" : "dashboard.target.cloudflare"),
                targetIcon(c.target()))});
        String account = c.accountId();
        if (account != null) {
            add.accept(new Node[] {key(i18n.get("settings.details.account")), link("detail-account", account,
                    CloudflareLinks.account(account), open)});
        }
        if (c.engineUrl() != null) {
            add.accept(new Node[] {key(i18n.get("settings.details.url")), value(c.engineUrl())});
        }
        if (c.bundle() != null) {
            add.accept(new Node[] {key(i18n.get("settings.details.version")), value(c.bundle().version())});
            Label sha = value(c.bundle().sha256() == null ? "—" : c.bundle().sha256());
            sha.setId("detail-sha256");
            sha.getStyleClass().add(AppStyles.CODE);
            add.accept(new Node[] {key(i18n.get("settings.details.sha256")), sha});
            if (c.bundle().deployedAt() != null) {
                add.accept(new Node[] {key(i18n.get("settings.details.deployed")), value(Widgets.time(i18n, c.bundle().deployedAt()))});
            }
        }
        c.resources().kv().forEach((binding, id) -> add.accept(new Node[] {key(binding),
                account == null ? value(id) : link("detail-kv-" + binding, id, CloudflareLinks.kv(account, id), open)}));
        c.resources().r2().forEach((binding, name) -> add.accept(new Node[] {key(binding),
                account == null ? value(name) : link("detail-r2-" + binding, name, CloudflareLinks.bucket(account, name), open)}));
        body.getChildren().add(grid);

        Label journalTitle = new Label(i18n.get("settings.details.journal"));
        journalTitle.getStyleClass().add(Styles.TEXT_BOLD);
        body.getChildren().add(journalTitle);
        if (c.journal().isEmpty()) {
            body.getChildren().add(Widgets.muted(i18n.get("settings.details.journal_empty")));
        }
        VBox journal = new VBox(4);
        journal.setId("detail-journal");
        for (JournalEntry e : c.journal()) {
            String what = i18n.get("settings.details.kind." + e.kind().name().toLowerCase(Locale.ROOT), e.name());
            Node line = account == null ? value(what) : link(null, what, CloudflareLinks.of(account, e), open);
            Label when = Widgets.muted(Widgets.time(i18n, e.createdAt()));
            journal.getChildren().add(new HBox(10, line, when));
        }
        body.getChildren().add(journal);
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Hyperlink link(String id, String text, String url, Consumer<String> open) {
        Hyperlink h = new Hyperlink(text, new FontIcon(Feather.EXTERNAL_LINK));
        h.setId(id);
        h.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        h.setTooltip(new javafx.scene.control.Tooltip(url));
        h.setOnAction(e -> open.accept(url));
        return h;
    }
}
