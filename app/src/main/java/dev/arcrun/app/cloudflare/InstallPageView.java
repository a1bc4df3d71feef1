package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Tweaks;
import dev.arcrun.app.cloudflare.InstallPageModel.Phase;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.console.ConsoleView;
import dev.arcrun.app.progress.StepRowView;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the install page: the steps on the left, progress, problems and the live console on the right. */
final class InstallPageView extends HBox {

    InstallPageView(InstallPageModel model, I18n i18n) {
        setId("cf-install-page");
        setSpacing(24);
        getStyleClass().add(AppStyles.WIZARD_PAGE);

        VBox steps = new VBox(8);
        steps.setId("install-steps");
        steps.getStyleClass().add(AppStyles.INSTALL_STEPS);
        ScrollPane stepScroll = new ScrollPane(steps); // thirteen steps need not fit a small window
        model.steps().forEach(s -> steps.getChildren().add(StepRowView.of(s, dev.arcrun.app.common.Reveal::inView)));
        stepScroll.setFitToWidth(true);
        stepScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stepScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        stepScroll.setMinWidth(300);
        stepScroll.setPrefWidth(360);

        Label heading = Views.title(i18n.get("cf.install.title"));
        heading.textProperty().bind(model.phaseProperty().map(p -> i18n.get("cf.install.phase." + p.name().toLowerCase(Locale.ROOT))));
        ProgressBar bar = new ProgressBar();
        bar.setId("install-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.phaseProperty().isEqualTo(Phase.RUNNING).or(model.phaseProperty().isEqualTo(Phase.CANCELLING)));
        bar.managedProperty().bind(bar.visibleProperty());
        Label progressText = Views.message("install-progress-text", "muted");
        progressText.textProperty().bind(model.progressTextProperty());

        Label cause = Views.message("install-cause", "danger");
        cause.textProperty().bind(model.causeProperty());
        Label advice = Views.message("install-advice", "field-label");
        advice.textProperty().bind(model.adviceProperty());
        Button again = new Button(i18n.get("cf.install.again"), new FontIcon(Feather.ROTATE_CW));
        again.setId("try-again");
        again.setDefaultButton(true);
        again.setOnAction(e -> model.tryAgain());
        VBox problem = new VBox(8, cause, advice, again);
        problem.setId("install-failure");
        problem.setMinHeight(Region.USE_PREF_SIZE); // the console gives way, never the cause and its advice
        cause.setMinHeight(Region.USE_PREF_SIZE);
        advice.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add(AppStyles.PROBLEM_BOX);
        problem.visibleProperty().bind(model.phaseProperty().isEqualTo(Phase.FAILED).or(model.phaseProperty().isEqualTo(Phase.CANCELLED)));
        problem.managedProperty().bind(problem.visibleProperty());

        Button cancel = new Button(i18n.get("cf.install.cancel"), new FontIcon(Feather.X));
        cancel.setId("cancel-install");
        cancel.visibleProperty().bind(model.phaseProperty().isEqualTo(Phase.RUNNING).or(model.phaseProperty().isEqualTo(Phase.CANCELLING)));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.disableProperty().bind(model.phaseProperty().isEqualTo(Phase.CANCELLING));
        cancel.setOnAction(e -> model.cancel());
        HBox head = new HBox(12, heading, cancel);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);

        ConsoleView console = new ConsoleView(model.console(), i18n);
        VBox.setVgrow(console, Priority.ALWAYS);
        VBox right = new VBox(12, head, bar, progressText, problem, console);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(stepScroll, right);
    }
}
