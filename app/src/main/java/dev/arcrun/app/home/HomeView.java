package dev.arcrun.app.home;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.console.ConsoleView;
import dev.arcrun.app.home.HomeViewModel.Phase;
import dev.arcrun.app.progress.StepRow;
import dev.arcrun.app.progress.StepRowView;
import dev.arcrun.app.theme.AppStyles;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Lays out the home page and binds it to {@link HomeViewModel}; no logic of its own. While the engine starts on this
 * computer its card shows the steps, the running step's bar, a failure with Try again, and the tools' lines behind
 * "Show details" (opened by itself when the start fails: the lines say why).
 */
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

        VBox local = card(i18n.get("home.local.title"), i18n.get("home.local.body"), true, i18n, localStart(model, i18n));

        Button openWizard = new Button(i18n.get("home.cloudflare.open"), new FontIcon(Feather.CLOUD));
        openWizard.setId("open-cloudflare");
        openWizard.setOnAction(e -> model.openCloudflareWizard());
        VBox cloud = card(i18n.get("home.cloudflare.title"), i18n.get("home.cloudflare.body"), false, i18n, openWizard);

        // two equal columns whatever their contents; a running start makes its card tall, the other keeps its height
        GridPane cards = new GridPane();
        cards.setHgap(20);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(half);
        }
        cards.addRow(0, local, cloud);
        GridPane.setValignment(local, VPos.TOP);
        GridPane.setValignment(cloud, VPos.TOP);
        local.setMaxHeight(Region.USE_PREF_SIZE);
        cloud.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, subtitle, cards);
    }

    /** The local card's part that changes: Start and Cancel, the run's steps and problems, the URL once it runs. */
    private static Node[] localStart(HomeViewModel model, I18n i18n) {
        var phase = model.phaseProperty();
        BooleanBinding stopped = phase.isEqualTo(Phase.FAILED).or(phase.isEqualTo(Phase.CANCELLED));

        Button start = new Button(i18n.get("home.local.start"), new FontIcon(Feather.PLAY));
        start.setId("start-local");
        start.defaultButtonProperty().bind(start.visibleProperty()); // Enter presses whichever of Start and Try again shows
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> model.startLocal());
        // Cancel takes its place while it starts, Try again after a failure, Open dashboard once it runs
        shownWhen(start, stopped.not().and(model.busyProperty().not()).and(phase.isNotEqualTo(Phase.RUNNING)));
        Button cancel = new Button(i18n.get("home.local.cancel"), new FontIcon(Feather.X));
        cancel.setId("cancel-local");
        cancel.disableProperty().bind(phase.isEqualTo(Phase.CANCELLING));
        cancel.setOnAction(e -> model.cancel());
        shownWhen(cancel, model.busyProperty());
        HBox buttons = new HBox(10, start, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("local-status");
        status.getStyleClass().add(AppStyles.STEP_TITLE);
        status.textProperty().bind(phase.map(p -> p == Phase.IDLE || p == Phase.RUNNING ? ""
                : i18n.get("home.local.phase." + p.name().toLowerCase(Locale.ROOT))));
        ProgressBar bar = new ProgressBar();
        bar.setId("local-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label progressText = message("local-progress-text", AppStyles.MUTED);
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.setWrapText(true); // it joins the list while running: the card's wrapping never saw it
        progressText.setMinHeight(Region.USE_PREF_SIZE);
        VBox progress = new VBox(4, bar, progressText);
        progress.getStyleClass().add(AppStyles.HOME_STEP_PROGRESS);
        shownWhen(progress, model.busyProperty());
        VBox steps = new VBox();
        steps.setId("local-steps");
        steps.getStyleClass().add(AppStyles.HOME_STEPS);
        // the running step's bar sits under that step, where the eye already is
        model.steps().forEach(s -> steps.getChildren().add(StepRowView.of(s, row -> {
            if (s.stateProperty().get() == StepRow.State.RUNNING) {
                steps.getChildren().remove(progress);
                steps.getChildren().add(steps.getChildren().indexOf(row) + 1, progress);
            }
        })));
        VBox run = new VBox(10, status, steps);
        shownWhen(run, model.busyProperty().or(stopped));

        Label cause = message("local-cause", Styles.DANGER);
        cause.textProperty().bind(model.causeProperty());
        Label advice = message("local-advice", AppStyles.FIELD_LABEL);
        advice.textProperty().bind(model.adviceProperty());
        Button again = new Button(i18n.get("home.local.again"), new FontIcon(Feather.ROTATE_CW));
        again.setId("local-try-again");
        again.defaultButtonProperty().bind(stopped);
        again.setOnAction(e -> model.startLocal());
        VBox problem = new VBox(8, cause, advice, again);
        problem.setId("local-failure");
        problem.getStyleClass().add(AppStyles.PROBLEM_BOX);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        shownWhen(problem, stopped);
        phase.subscribe(p -> { // a cancel is the user's own choice: no error colours
            boolean cancelled = p == Phase.CANCELLED;
            toggle(problem, AppStyles.STOPPED_BOX, cancelled);
            toggle(cause, Styles.DANGER, !cancelled);
        });

        Label warning = message("local-warning", Styles.WARNING);
        warning.textProperty().bind(model.warningProperty());

        Label url = message("local-url", AppStyles.STEP_TITLE);
        url.getStyleClass().add(Styles.SUCCESS);
        url.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
        url.textProperty().bind(model.localUrlProperty().map(u -> u.isEmpty() ? "" : i18n.get("home.local.running", u)));
        Button openDashboard = new Button(i18n.get("home.local.open_dashboard"), new FontIcon(Feather.GRID));
        openDashboard.setId("open-dashboard");
        shownWhen(openDashboard, model.localUrlProperty().isNotEmpty());
        openDashboard.defaultButtonProperty().bind(openDashboard.visibleProperty()); // what to do next, once it runs
        openDashboard.setOnAction(e -> model.openDashboard());

        return new Node[] {buttons, run, problem, warning, url, openDashboard, details(model, i18n)};
    }

    /** The tools' lines, folded away until asked for (or until the start fails). */
    private static Node details(HomeViewModel model, I18n i18n) {
        BooleanProperty open = new SimpleBooleanProperty(false);
        Button toggle = new Button();
        toggle.setId("local-details");
        toggle.getStyleClass().addAll(Styles.FLAT, AppStyles.DISCLOSURE);
        toggle.textProperty().bind(open.map(o -> i18n.get(o ? "home.local.details.hide" : "home.local.details")));
        toggle.graphicProperty().bind(open.map(o -> new FontIcon(o ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT)));
        toggle.setOnAction(e -> open.set(!open.get()));
        model.phaseProperty().subscribe(p -> {
            if (p == Phase.FAILED) {
                open.set(true);
            }
        });
        ConsoleView console = new ConsoleView(model.console(), i18n);
        console.setId("local-console");
        console.setPrefHeight(260);
        console.setMinHeight(180);
        shownWhen(console, open);
        open.subscribe(o -> {
            if (o) {
                dev.arcrun.app.common.Reveal.inView(console); // the card is tall by now: the lines would open below the window
            }
        });
        VBox box = new VBox(6, toggle, console);
        // nothing to show for an engine found running (started elsewhere): no empty console behind the button
        shownWhen(box, model.phaseProperty().isNotEqualTo(Phase.IDLE)
                .and(model.busyProperty().or(javafx.beans.binding.Bindings.isNotEmpty(model.console().lines()))));
        return box;
    }

    private static void shownWhen(Node n, javafx.beans.value.ObservableBooleanValue condition) {
        n.visibleProperty().bind(javafx.beans.binding.BooleanExpression.booleanExpression(condition));
        n.managedProperty().bind(n.visibleProperty());
    }

    /** A label that takes no room while its text is empty. */
    private static Label message(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        shownWhen(l, l.textProperty().isNotEmpty());
        return l;
    }

    /** Buttons and labels in a card wrap their words when the card is narrow (the console keeps its own). */
    private static void wrapping(Node n) {
        if (n instanceof ConsoleView) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(HomeView::wrapping);
        }
    }

    private static VBox card(String title, String body, boolean recommended, I18n i18n, Node... extra) {
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
        for (Node n : extra) {
            wrapping(n);
        }
        card.getStyleClass().add(AppStyles.TARGET_CARD);
        if (recommended) {
            card.getStyleClass().add(AppStyles.RECOMMENDED);
        }
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private static void toggle(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
