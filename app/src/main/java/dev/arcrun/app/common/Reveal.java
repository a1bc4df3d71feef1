package dev.arcrun.app.common;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls the nearest scroll pane around a node so the node is in view (what the user just opened or must see). */
public final class Reveal {
    private Reveal() {
    }

    /** After the next layout (the node may just have been shown): scrolls only when the node is not in view already. */
    public static void inView(Node node) {
        Platform.runLater(() -> scrollTo(node));
    }

    /** The same, now; for callers that know the layout is done. */
    public static void scrollTo(Node node) {
        ScrollPane scroll = enclosingScroll(node);
        if (scroll == null || scroll.getContent() == null) {
            return;
        }
        Node content = scroll.getContent();
        // the scroll pane sizes its content: laying out the pane gives the content the height it has now
        scroll.applyCss();
        scroll.layout();
        double height = content.getBoundsInLocal().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (height <= view) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (height - view);
        if (b.getMinY() >= top && b.getMaxY() <= top + view) {
            return;
        }
        // a node taller than the view shows its top; one that fits ends at the view's bottom, or sits a third down
        double y = b.getHeight() >= view ? b.getMinY()
                : b.getMaxY() > top + view ? b.getMaxY() - view : b.getMinY() - view / 3;
        scroll.setVvalue(Math.clamp(y / (height - view), 0, 1));
    }

    private static ScrollPane enclosingScroll(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }
}
