package dev.arcrun.app;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.dashboard.DashboardPage;
import dev.arcrun.app.dashboard.FilePicker;
import dev.arcrun.app.home.HomeView;
import dev.arcrun.app.home.HomeViewModel;
import dev.arcrun.app.home.LocalStart;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.app.shell.Page;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

public final class ArcrunApp extends Application {
    private final FxTaskExecutor executor = new FxTaskExecutor(2);

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.resolve();
        AppContext context = new AppContext(home, executor, Platform::runLater, new I18n(Locale.getDefault()),
                memoize(() -> SecretStores.open(home)), () -> new ToolchainManager(home.tools()), System.getenv());
        stage.setTitle(context.i18n().get("app.title"));
        // Pages are built on first visit, after the window exists, so their navigation callbacks can reach it.
        AtomicReference<MainWindow> window = new AtomicReference<>();
        window.set(new MainWindow(context.i18n(), pages(context, id -> window.get().show(id))));
        stage.setScene(buildScene(window.get()));
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        stage.show();
    }

    /** The sidebar's pages, in order; {@code navigate} shows a page by id. */
    static List<Page> pages(AppContext c, Consumer<String> navigate) {
        return List.of(
                new Page("home", "nav.home", Feather.HOME,
                        () -> new HomeView(new HomeViewModel(c.executor(), c.uiThread(), new LocalStart(c),
                                () -> navigate.accept("dashboard")), c.i18n())),
                new Page("dashboard", "nav.dashboard", Feather.GRID,
                        () -> DashboardPage.create(c, navigate, FilePicker.system())));
    }

    static Scene buildScene(MainWindow window) {
        Scene scene = new Scene(window, 1100, 700);
        new ThemeManager().apply(scene);
        return scene;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    @Override
    public void stop() {
        executor.close();
    }
}
