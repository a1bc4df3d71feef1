package dev.arcrun.app.dashboard;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The outcome of a long operation (an update, an uninstall, a service set up) as a ControlsFX notification in the
 * window's corner, besides the line on its tab: the user may have moved to another tab meanwhile.
 */
final class Toasts {
    private static final Duration SHOWN = Duration.seconds(6);

    private Toasts() {}

    /** Shows {@code notice} as information and {@code error} as an error, each time one becomes non-empty. */
    static void follow(Node owner, String title, ObservableStringValue notice, ObservableStringValue error) {
        notice.addListener((o, was, now) -> show(owner, title, now, false));
        error.addListener((o, was, now) -> show(owner, title, now, true));
    }

    private static void show(Node owner, String title, String text, boolean failed) {
        if (text == null || text.isBlank() || owner.getScene() == null || owner.getScene().getWindow() == null
                || !owner.getScene().getWindow().isShowing()) {
            return;
        }
        Notifications n = Notifications.create().title(title).text(text).owner(owner.getScene().getWindow())
                .position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN);
        if (failed) {
            n.showError();
        } else {
            n.showInformation();
        }
    }
}
