package dev.arcrun.app;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.home.HomeView;
import dev.arcrun.app.home.HomeViewModel;
import dev.arcrun.app.home.LocalStart;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import javafx.application.Platform;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

public final class ArcrunApp extends Application {
    private final FxTaskExecutor executor = new FxTaskExecutor(2);

    @Override
    public void start(Stage stage) {
        I18n i18n = new I18n(Locale.getDefault());
        HomeViewModel home = new HomeViewModel(executor, Platform::runLater, new LocalStart(AppHome.resolve()));
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(buildScene(new HomeView(home, i18n), i18n));
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        stage.show();
    }

    static Scene buildScene(javafx.scene.Node page, I18n i18n) {
        Label brand = new Label(i18n.get("app.brand"));
        brand.getStyleClass().add("app-title");
        VBox sidebar = new VBox(brand);
        sidebar.getStyleClass().add("app-sidebar");
        sidebar.setPrefWidth(200);
        BorderPane root = new BorderPane(page);
        root.setLeft(sidebar);
        Scene scene = new Scene(root, 1040, 660);
        new ThemeManager().apply(scene);
        return scene;
    }

    @Override
    public void stop() {
        executor.close();
    }
}
