package dev.arcrun.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.core.workflow.DataDestinations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Before a workflow is stored: every host outside the engine it sends data to, with the steps that do, and the
 * steps whose address a template decides at run time. The user adds it (#leaving-ok) or not (#leaving-cancel).
 */
final class LeavingNotice {
    private LeavingNotice() {}

    static boolean ask(Node owner, WorkflowsViewModel.PendingPush p, I18n i18n) {
        ButtonType add = new ButtonType(i18n.get("dashboard.leaving.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("dashboard.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", add, no);
        alert.setTitle(i18n.get("dashboard.leaving.title", p.name()));
        alert.setHeaderText(i18n.get("dashboard.leaving.title", p.name()));
        alert.getDialogPane().setContent(body(p.destinations(), i18n));
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(560);
        alert.getDialogPane().lookupButton(add).setId("leaving-ok");
        alert.getDialogPane().lookupButton(no).setId("leaving-cancel");
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == add).isPresent();
    }

    static VBox body(List<DataDestinations.Destination> all, I18n i18n) {
        VBox box = new VBox(8);
        box.setId("leaving-hosts");
        box.getChildren().add(Widgets.muted(i18n.get("dashboard.leaving.intro")));
        Map<String, StringBuilder> byHost = new LinkedHashMap<>();
        for (DataDestinations.Destination d : all) {
            if (!d.decidedAtRunTime()) {
                StringBuilder steps = byHost.computeIfAbsent(d.host(), h -> new StringBuilder());
                steps.append(steps.isEmpty() ? "" : ", ").append(d.step());
            }
        }
        byHost.forEach((host, steps) -> box.getChildren().add(line(
                i18n.get("dashboard.leaving.host", host, steps), Feather.GLOBE, "leaving-host-" + host.replaceAll("[^A-Za-z0-9]", "-"))));
        for (DataDestinations.Destination d : all) {
            if (d.decidedAtRunTime()) {
                box.getChildren().add(line(i18n.get("dashboard.leaving.run_time", d.step(),
                        d.address() == null || d.address().isBlank() ? "—" : d.address()), Feather.HELP_CIRCLE,
                        "leaving-runtime-" + d.step()));
            }
        }
        box.getChildren().add(Widgets.muted(i18n.get("dashboard.leaving.ask")));
        return box;
    }

    private static Label line(String text, Feather icon, String id) {
        Label l = new Label(text, new FontIcon(icon));
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(AppStyles.LEAVING_HOST, Styles.TEXT_BOLD);
        return l;
    }
}
