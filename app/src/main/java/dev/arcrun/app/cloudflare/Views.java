package dev.arcrun.app.cloudflare;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Small layout helpers the wizard's page views share. */
final class Views {
    private Views() {}

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(AppStyles.CARD_TITLE);
        l.setWrapText(true);
        return l;
    }

    static Label body(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(AppStyles.MUTED);
        l.setWrapText(true);
        return l;
    }

    /** A label that takes no room while its text is empty. */
    static Label message(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    static ScrollPane scrolling(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return s;
    }

    static VBox column(double spacing, Node... nodes) {
        VBox v = new VBox(spacing, nodes);
        v.getStyleClass().add(AppStyles.WIZARD_PAGE);
        return v;
    }
}
