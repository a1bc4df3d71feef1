package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Lays out the plan page and binds it to {@link PlanPageModel}. */
final class PlanPageView extends VBox {

    PlanPageView(PlanPageModel model, I18n i18n) {
        setId("cf-plan-page");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        HBox loading = new HBox(10, spinner, new Label(i18n.get("cf.plan.loading")));
        loading.setId("plan-loading");
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(model.loadingProperty());

        VBox rows = new VBox(4);
        rows.setId("plan-rows");
        model.rows().addListener((ListChangeListener<PlanPageModel.Row>) c -> {
            rows.getChildren().clear();
            String lastStep = null;
            for (PlanPageModel.Row r : model.rows()) {
                if (!r.step().equals(lastStep)) { // one heading per step, its items below
                    Label step = new Label(r.step());
                    step.getStyleClass().add(AppStyles.PLAN_STEP);
                    rows.getChildren().add(step);
                    lastStep = r.step();
                }
                Label action = new Label(r.action(), new FontIcon(r.blocking() ? Feather.ALERT_TRIANGLE : Feather.CHEVRON_RIGHT));
                action.setWrapText(true);
                action.getStyleClass().add(r.blocking() ? Styles.DANGER : AppStyles.PLAN_ACTION);
                rows.getChildren().add(action);
            }
        });
        Label error = Views.message("plan-error", "danger");
        error.textProperty().bind(model.errorProperty());

        getChildren().add(Views.column(16,
                Views.title(i18n.get("cf.plan.title")),
                Views.body(i18n.get("cf.plan.body")),
                loading, rows, error));
    }
}
