package dev.arcrun.app.shell;

import dev.arcrun.app.common.Activities;
import dev.arcrun.app.common.I18n;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Closing the window while an install, update or uninstall runs asks first: "Stop and close" stops the work where it
 * can be resumed, "Keep working" (the default, so Enter never throws work away) keeps the window open.
 */
public final class CloseGuard {
    /** Asks whether to stop the running work and close; false keeps the window open. */
    public interface Prompt {
        boolean stopAndClose(List<Activities.Activity> running);
    }

    public static final String STOP_BUTTON_ID = "close-stop";
    public static final String KEEP_BUTTON_ID = "close-keep";

    private CloseGuard() {}

    /** @param onClose runs once the window is really closing (to remember its place, stop what the app started) */
    public static void install(Stage stage, Activities activities, Prompt prompt, Runnable onClose) {
        stage.setOnCloseRequest(e -> {
            List<Activities.Activity> running = activities.running();
            if (!running.isEmpty()) {
                if (!prompt.stopAndClose(running)) {
                    e.consume();
                    return;
                }
                activities.stopAll();
            }
            onClose.run();
        });
    }

    /** The real question, as a dialog over the window. */
    public static Prompt dialog(Stage owner, I18n i18n) {
        return running -> {
            ButtonType stop = new ButtonType(i18n.get("close.stop"), ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType(i18n.get("close.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.WARNING, "", stop, keep);
            alert.initOwner(owner);
            alert.setTitle(i18n.get("app.title"));
            alert.setHeaderText(i18n.get("close.title"));
            alert.setContentText(running.stream()
                    .map(a -> i18n.get("close.activity." + a.kind().name().toLowerCase(java.util.Locale.ROOT), a.install()))
                    .collect(Collectors.joining("\n")) + "\n\n" + i18n.get("close.body"));
            Button stopButton = (Button) alert.getDialogPane().lookupButton(stop);
            Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
            stopButton.setId(STOP_BUTTON_ID);
            stopButton.setDefaultButton(false);
            keepButton.setId(KEEP_BUTTON_ID);
            keepButton.setDefaultButton(true);
            return alert.showAndWait().filter(stop::equals).isPresent();
        };
    }
}
