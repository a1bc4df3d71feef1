package dev.arcrun.app;

import dev.arcrun.app.cloudflare.CloudflareWizard;
import dev.arcrun.app.cloudflare.CoreCloudflareSetup;
import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.dashboard.DashboardPage;
import dev.arcrun.app.dashboard.FilePicker;
import dev.arcrun.app.dashboard.SettingsPage;
import dev.arcrun.app.settings.SettingsViewModel;
import dev.arcrun.app.home.HomeView;
import dev.arcrun.app.home.HomeViewModel;
import dev.arcrun.app.home.LocalStart;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.CloseGuard;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.app.shell.Navigation;
import dev.arcrun.app.shell.Page;
import dev.arcrun.app.shell.WindowPlace;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

public final class ArcrunApp extends Application {
    private final FxTaskExecutor executor = new FxTaskExecutor(4);

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.resolve();
        AppContext context = new AppContext(home, executor, Platform::runLater, new I18n(Locale.getDefault()),
                memoize(() -> SecretStores.open(home)), () -> new ToolchainManager(home.tools()), System.getenv());
        SettingsViewModel.applySaved(home.root(), context.i18n(), ThemeManager.app()); // the language and theme last chosen
        stage.setTitle(context.i18n().get("app.title"));
        MainWindow[] window = new MainWindow[1]; // pages are built on first visit, after the window exists
        Navigation nav = new Navigation(id -> window[0].show(id), url -> getHostServices().showDocument(url));
        LocalStart localStart = new LocalStart(context);
        window[0] = new MainWindow(context.i18n(), pages(context, nav, localStart));
        stage.setScene(buildScene(window[0]));
        rebuildOnLanguageChange(stage, context.i18n(), window, () -> new MainWindow(context.i18n(), pages(context, nav, localStart)));
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        Optional<WindowPlace> place = WindowPlace.load(home.root());
        place.ifPresent(p -> restore(stage, window[0], p));
        CloseGuard.install(stage, context.activities(), CloseGuard.dialog(stage, context.i18n()),
                () -> {
                    remember(stage, window[0], home);
                    // the home card promises the engine runs "while the app is open"; stopping it takes a moment
                    Thread.ofPlatform().name("stop-local-engine").start(localStart::stopIfStartedHere);
                });
        stage.show();
    }

    /** Opens where the user left it: size always, position only where a screen still shows it, the same page. */
    static void restore(Stage stage, MainWindow window, WindowPlace p) {
        stage.setWidth(Math.max(p.width(), stage.getMinWidth()));
        stage.setHeight(Math.max(p.height(), stage.getMinHeight()));
        if (p.reachableOn(Screen.getScreens().stream().map(Screen::getVisualBounds).toList())) {
            stage.setX(p.x());
            stage.setY(p.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(p.maximized());
        if (p.page() != null && !p.page().isBlank()) {
            window.show(p.page());
        }
    }

    static void remember(Stage stage, MainWindow window, AppHome home) {
        try {
            new WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                    window.currentPageProperty().get()).save(home.root());
        } catch (java.io.IOException e) {
            // losing the window's place is not worth a dialog while the user is quitting
        }
    }

    /** The sidebar's pages, in order. */
    static List<Page> pages(AppContext c, Navigation nav, LocalStart localStart) {
        return List.of(
                new Page("home", "nav.home", Feather.HOME, () -> new HomeView(new HomeViewModel(c.executor(), c.uiThread(),
                        localStart, () -> nav.showPage().accept("cloudflare"), () -> nav.showPage().accept("dashboard"))
                        .tracking(c.activities()), c.i18n())),
                new Page("dashboard", "nav.dashboard", Feather.GRID,
                        () -> DashboardPage.create(c, nav.showPage(), FilePicker.system())),
                new Page("cloudflare", "nav.cloudflare", Feather.CLOUD,
                        () -> CloudflareWizard.create(c, new CoreCloudflareSetup(c), nav.openInBrowser())),
                new Page("settings", "nav.settings", Feather.SETTINGS,
                        () -> SettingsPage.create(c, ThemeManager.app(), nav.openInBrowser())));
    }

    /** Another language: the window's pages are built again in it, showing the same page (Settings). */
    static void rebuildOnLanguageChange(Stage stage, I18n i18n, MainWindow[] window, Supplier<MainWindow> build) {
        i18n.localeProperty().addListener((o, was, now) -> {
            String shown = window[0].currentPageProperty().get();
            window[0] = build.get();
            stage.getScene().setRoot(window[0]);
            stage.setTitle(i18n.get("app.title"));
            window[0].show(shown);
        });
    }

    static Scene buildScene(MainWindow window) {
        Scene scene = new Scene(window, 1100, 700);
        ThemeManager.app().apply(scene);
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
