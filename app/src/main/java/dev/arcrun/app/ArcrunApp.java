package dev.arcrun.app;

import atlantafx.base.theme.Tweaks;
import dev.arcrun.app.background.Background;
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
import dev.arcrun.app.cloudflare.CloudflareWizard;
import dev.arcrun.app.resume.ResumeBanner;
import dev.arcrun.app.resume.ResumeBannerModel;
import dev.arcrun.app.resume.UnfinishedInstall;
import dev.arcrun.core.config.Target;
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
import java.util.function.Consumer;
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
        open(stage, context, url -> getHostServices().showDocument(url), CloseGuard.dialog(stage, context.i18n()));
    }

    /**
     * Builds the window over {@code context} and shows it: the pages, the banner offering to finish an install that
     * stopped, the remembered place, and the close guard. Tests call it with a temporary app folder.
     *
     * @return the window's frame
     */
    static MainWindow open(Stage stage, AppContext context, Consumer<String> browser, CloseGuard.Prompt prompt) {
        AppHome home = context.home();
        stage.setTitle(context.i18n().get("app.title"));
        MainWindow[] window = new MainWindow[1]; // pages are built on first visit, after the window exists
        Navigation nav = new Navigation(id -> window[0].show(id), browser);
        LocalStart localStart = new LocalStart(context);
        // SIGTERM or a logout ends the JVM without closing the window: the engine this app started stops then too
        var engine = new dev.arcrun.app.background.EngineShutdown(localStart,
                () -> dev.arcrun.app.background.KeepRunningSetting.load(home.root()).get(),
                dev.arcrun.app.background.EngineShutdown.DEADLINE).install().control();
        window[0] = frame(context, nav, localStart);
        stage.setScene(buildScene(window[0]));
        // another language builds the frame again the same way: its pages, and the banner offering to finish an install
        rebuildOnLanguageChange(stage, context.i18n(), window, () -> frame(context, nav, localStart));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Optional<WindowPlace> place = WindowPlace.load(home.root());
        place.ifPresent(p -> restore(stage, window[0], p));
        CloseGuard.install(stage, context.activities(), prompt,
                () -> {
                    remember(stage, window[0], home);
                    // the home card promises the engine runs "while the app is open", unless kept in the background
                    Background.onClose(home.root(), stage, engine, context.i18n());
                });
        stage.show();
        return window[0];
    }

    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 560;

    /** The window's frame over freshly built pages, under the banner offering to finish an install that stopped. */
    static MainWindow frame(AppContext context, Navigation nav, LocalStart localStart) {
        Parts parts = new Parts(context, nav, localStart);
        MainWindow window = new MainWindow(context.i18n(), parts.pages());
        ResumeBannerModel banner = new ResumeBannerModel(context.executor(), () -> UnfinishedInstall.find(context.home()).stream()
                .filter(u -> context.activities().running().stream().noneMatch(a -> a.install().equals(u.name()))).toList(),
                parts::finish);
        window.banner(new ResumeBanner(banner, context.i18n()));
        window.currentPageProperty().subscribe(page -> banner.refresh()); // on every start, and when the user moves on
        window.currentPageProperty().subscribe(page -> {
            if ("home".equals(page)) {
                parts.home().refresh(); // the engine may have been started or stopped elsewhere meanwhile
            }
        });
        return window;
    }

    /** The sidebar's pages, in order (each built on first visit). */
    static List<Page> pages(AppContext c, Navigation nav, LocalStart localStart) {
        return new Parts(c, nav, localStart).pages();
    }

    /**
     * The sidebar's pages, each built on first visit, and how an unfinished install is finished: a Cloudflare one on
     * the wizard with its saved choices, the one on this computer by starting it again (its pipeline resumes).
     */
    static final class Parts {
        private final AppContext c;
        private final Navigation nav;
        private final LocalStart localStart;
        private final Supplier<HomeViewModel> home;
        private final Supplier<CloudflareWizard> wizard;

        Parts(AppContext c, Navigation nav, LocalStart localStart) {
            this.c = c;
            this.nav = nav;
            this.localStart = localStart;
            this.home = memoize(() -> new HomeViewModel(c.executor(), c.uiThread(), c.i18n(), localStart,
                    () -> nav.showPage().accept("cloudflare"), () -> nav.showPage().accept("dashboard")).tracking(c.activities()));
            this.wizard = memoize(() -> CloudflareWizard.build(c, new CoreCloudflareSetup(c), nav.openInBrowser(),
                    () -> nav.showPage().accept("dashboard")));
        }

        List<Page> pages() {
            return List.of(
                    new Page("home", "nav.home", Feather.HOME, () -> scrolling(new HomeView(home.get(), c.i18n()))),
                    new Page("dashboard", "nav.dashboard", Feather.GRID,
                            () -> DashboardPage.create(c, nav.showPage(), FilePicker.system(), this::finish, localStart)),
                    new Page("cloudflare", "nav.cloudflare", Feather.CLOUD, () -> wizard.get().view()),
                    new Page("settings", "nav.settings", Feather.SETTINGS,
                            () -> SettingsPage.create(c, ThemeManager.app(), nav.openInBrowser())));
        }

        HomeViewModel home() {
            return home.get();
        }

        void finish(UnfinishedInstall u) {
            if (u.target() == Target.LOCAL) {
                nav.showPage().accept("home");
                home.get().startLocal();
            } else {
                nav.showPage().accept("cloudflare");
                wizard.get().finish(u.name());
            }
        }
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

    /** A page that scrolls rather than squeeze its words when the window is small. */
    private static javafx.scene.Node scrolling(javafx.scene.Node page) {
        javafx.scene.control.ScrollPane s = new javafx.scene.control.ScrollPane(page);
        s.setFitToWidth(true);
        s.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return s;
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

    static <T> Supplier<T> memoize(Supplier<T> s) {
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
