package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The wizard's frame: the step names on top, the current page, Back and Next. It knows nothing of any page. */
public final class CloudflareWizardView extends BorderPane {

    /** @param views one per page of {@code model}, in the same order; {@code names} the i18n keys of their titles */
    public CloudflareWizardView(WizardModel model, List<Node> views, List<String> names, I18n i18n) {
        setId("cloudflare");
        getStyleClass().add(AppStyles.PAGE);
        Label title = new Label(i18n.get("cf.title"));
        title.getStyleClass().add(AppStyles.PAGE_TITLE);
        HBox stepper = new HBox(6);
        stepper.getStyleClass().add(AppStyles.WIZARD_STEPPER);
        List<Label> marks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Label mark = new Label((i + 1) + "  " + i18n.get(names.get(i)));
            mark.setId("wizard-step-" + (i + 1));
            mark.getStyleClass().add(AppStyles.WIZARD_STEP);
            marks.add(mark);
            if (i > 0) {
                Label sep = new Label("›");
                sep.getStyleClass().add(AppStyles.MUTED);
                stepper.getChildren().add(sep);
            }
            stepper.getChildren().add(mark);
        }
        setTop(new VBox(12, title, stepper));

        Button back = new Button(i18n.get("wizard.back"), new FontIcon(Feather.ARROW_LEFT));
        back.setId("wizard-back");
        back.disableProperty().bind(model.canBackProperty().not());
        back.visibleProperty().bind(model.indexProperty().greaterThan(0).and(model.canBackProperty()));
        back.setOnAction(e -> model.back());
        Button next = new Button();
        next.setId("wizard-next");
        next.setGraphic(new FontIcon(Feather.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setDefaultButton(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.current().nextKey()), model.indexProperty()));
        next.disableProperty().bind(model.canNextProperty().not());
        next.visibleProperty().bind(model.indexProperty().lessThan(views.size() - 1));
        next.setOnAction(e -> model.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, back, gap, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add(AppStyles.WIZARD_BUTTONS);
        setBottom(buttons);

        model.indexProperty().subscribe(i -> {
            int current = i.intValue();
            setCenter(views.get(current));
            for (int k = 0; k < marks.size(); k++) {
                marks.get(k).getStyleClass().removeAll(AppStyles.WIZARD_STEP_CURRENT, AppStyles.WIZARD_STEP_DONE);
                if (k < current) {
                    marks.get(k).getStyleClass().add(AppStyles.WIZARD_STEP_DONE);
                } else if (k == current) {
                    marks.get(k).getStyleClass().add(AppStyles.WIZARD_STEP_CURRENT);
                }
            }
        });
    }
}
