package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.theme.ThemeManager;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A toast (ControlsFX's notification) in the app's theme: a background of its own and text that can be read. */
@ExtendWith(ApplicationExtension.class)
class ToastsTest {
    private final ThemeManager theme = new ThemeManager();
    private Stage stage;
    private StackPane page;
    private final SimpleStringProperty notice = new SimpleStringProperty("");

    @Start
    void start(Stage stage) {
        this.stage = stage;
        page = new StackPane(new Label("page"));
        Scene scene = new Scene(page, 900, 600);
        theme.apply(scene);
        stage.setScene(scene);
        Toasts.follow(page, "Maintenance", notice, new SimpleStringProperty(""));
        stage.show();
    }

    @AfterEach
    void lightAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
            theme.setDark(false);
        }).get();
    }

    @Test
    void aToastOnADarkPageHasTheThemesBackgroundAndLightText() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            theme.setDark(true);
            notice.set("Updated to engine 0.9.3.");
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pane() != null).get());

        WaitForAsyncUtils.asyncFx(() -> {
            Region pane = pane();
            pane.getScene().getRoot().applyCss();
            assertThat(pane.getBackground()).as("ControlsFX's colours resolve in AtlantaFX").isNotNull();
            assertThat(pane.getBackground().getFills()).isNotEmpty()
                    .allMatch(f -> f.getFill() instanceof Color c && c.getOpacity() > 0.9);
            Color body = (Color) pane.getBackground().getFills().getLast().getFill();
            assertThat(body.getBrightness()).as("a dark toast on a dark page").isLessThan(0.3);
            Label text = (Label) pane.lookupAll(".label").stream().filter(n -> n instanceof Label l
                    && "Updated to engine 0.9.3.".equals(l.getText())).findFirst().orElseThrow();
            assertThat(((Color) text.getTextFill()).getBrightness()).as("readable on it").isGreaterThan(0.7);
        }).get();
    }

    /** The toast's pane, in its own popup window; null until it shows. */
    private Region pane() {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.isShowing() && w.getScene() != null) {
                Node found = find(w.getScene().getRoot());
                if (found != null) {
                    return (Region) found;
                }
            }
        }
        return null;
    }

    private static Node find(Node n) {
        if (n.getStyleClass().contains("notification-bar") && n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c.getStyleClass().contains("pane")) {
                    return c;
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = find(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
