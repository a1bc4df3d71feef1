package dev.arcrun.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

public final class ArcrunApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Arcrun Desktop");
        stage.setScene(new Scene(new StackPane(new Label("Arcrun Desktop")), 960, 640));
        stage.show();
    }
}
