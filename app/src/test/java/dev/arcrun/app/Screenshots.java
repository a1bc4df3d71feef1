package dev.arcrun.app;

import dev.arcrun.app.cloudflare.CloudflareSetup;
import dev.arcrun.app.cloudflare.CloudflareWizard;
import dev.arcrun.app.cloudflare.InstallRun;
import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.CloseGuard;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.app.common.Activities;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.StepState;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLevel;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.PlanAction;
import dev.arcrun.core.install.StepId;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: {@code ./dev screenshots} runs it to render every page and dialog in English and Traditional Chinese,
 * light and dark, into {@code app/target/screenshots/} for people to look at (never an assertion). Headless with
 * Monocle, like the tests. Skipped unless {@value #DIR} is set.
 */
@ExtendWith(ApplicationExtension.class)
class Screenshots {
    static final String DIR = "arcrun.screenshots";

    @TempDir
    Path root;

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final ThemeManager theme = new ThemeManager();
    private Stage stage;
    private Path out;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (engineHome != null) {
            new dev.arcrun.core.local.LocalEngine(engineHome, ToolchainManager.forTests()).stop();
        }
        executor.close();
        theme.setMode(ThemeManager.Mode.LIGHT);
    }

    @Test
    void renderEveryPageAndDialog(FxRobot robot) throws Exception {
        String dir = System.getProperty(DIR);
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "run by ./dev screenshots");
        installEngine();
        for (boolean dark : new boolean[] {false, true}) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
                out = Path.of(dir).resolve((dark ? "dark" : "light") + "-" + locale.toLanguageTag());
                Files.createDirectories(out);
                robot.interact(() -> theme.setMode(dark ? ThemeManager.Mode.DARK : ThemeManager.Mode.LIGHT));
                I18n i18n = new I18n(locale);
                window(robot, i18n, root.resolve(out.getFileName().toString()));
                wizard(robot, i18n);
                liveViews(robot, i18n);
            }
        }
    }

    /**
     * The home page's start on this computer over a scripted pipeline (no engine needed): the toolchain's download,
     * the engine starting with its lines shown, and the start failed.
     */
    @Test
    void renderTheHomePageStarting(FxRobot robot) throws Exception {
        String dir = System.getProperty(DIR);
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "run by ./dev screenshots");
        for (boolean dark : new boolean[] {false, true}) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
                out = Path.of(dir).resolve((dark ? "dark" : "light") + "-" + locale.toLanguageTag());
                Files.createDirectories(out);
                robot.interact(() -> theme.setMode(dark ? ThemeManager.Mode.DARK : ThemeManager.Mode.LIGHT));
                homeStarting(robot, new I18n(locale));
            }
        }
    }

    private void homeStarting(FxRobot robot, I18n i18n) throws Exception {
        java.util.concurrent.Semaphore go = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.Semaphore paused = new java.util.concurrent.Semaphore(0);
        Runnable pause = () -> {
            paused.release();
            go.acquireUninterruptibly();
        };
        dev.arcrun.app.home.HomeViewModel.LocalEngineStarter starter = l -> new dev.arcrun.app.home.HomeViewModel.LocalRun() {
            @Override
            public PipelineOutcome execute() {
                String url = "http://127.0.0.1:8787";
                l.on(new InstallEvent.Started(StepId.TOOLCHAIN));
                l.on(new InstallEvent.Log(StepId.TOOLCHAIN, "arcrun", "npm was not found: downloading Node.js 22.23.3 and npm", LogLevel.INFO));
                l.on(new InstallEvent.Progress(StepId.TOOLCHAIN, 0.27, Note.of(Note.Code.TOOLCHAIN_DOWNLOADING),
                        java.util.Optional.of(new InstallEvent.Transfer(13_200_000, 48_900_000, 4_300_000))));
                pause.run();
                l.on(new InstallEvent.Log(StepId.TOOLCHAIN, "npm", "added 47 packages in 9s", LogLevel.INFO));
                l.on(new InstallEvent.Succeeded(StepId.TOOLCHAIN, Note.of(Note.Code.TOOLCHAIN_READY, "22.23.3", "4.164.0"), Duration.ofSeconds(21)));
                l.on(new InstallEvent.Succeeded(StepId.FETCH, Note.of(Note.Code.FETCHED, "0.9.2", 2, "3f9a1c"), Duration.ofSeconds(2)));
                l.on(new InstallEvent.Succeeded(StepId.DISCOVER, Note.of(Note.Code.DISCOVERED, "arcrun-registry → arcrun-cypher-executor"), Duration.ZERO));
                l.on(new InstallEvent.Succeeded(StepId.INJECT, Note.of(Note.Code.INJECTED, 2, 2), Duration.ZERO));
                l.on(new InstallEvent.Succeeded(StepId.KEYS, Note.of(Note.Code.KEYS_MADE, "~/.arcrun/secrets"), Duration.ZERO));
                l.on(new InstallEvent.Started(StepId.START));
                l.on(new InstallEvent.Log(StepId.START, "wrangler", "⛅️ wrangler 4.164.0", LogLevel.INFO));
                l.on(new InstallEvent.Log(StepId.START, "wrangler", "Your worker has access to the following bindings: KV, R2", LogLevel.INFO));
                l.on(new InstallEvent.Log(StepId.START, "npm", "npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported", LogLevel.of("npm warn deprecated glob@7.2.3")));
                l.on(new InstallEvent.Log(StepId.START, "wrangler", "✘ [ERROR] Address already in use (127.0.0.1:8787)", LogLevel.ERROR));
                l.on(new InstallEvent.Progress(StepId.START, -1, Note.of(Note.Code.WAITING_FOR_ENGINE, url, 24)));
                pause.run();
                Failure cause = Failure.of(Failure.Code.LOCAL_ENGINE_SILENT, url, "connection refused");
                l.on(new InstallEvent.Failed(StepId.START, cause, Advice.of(Advice.Code.LOCAL_LOG)));
                return new PipelineOutcome.Failed(StepId.START, cause, Advice.of(Advice.Code.LOCAL_LOG));
            }

            @Override public void cancel() { }
        };
        dev.arcrun.app.home.HomeViewModel model = new dev.arcrun.app.home.HomeViewModel(executor, Platform::runLater, i18n, starter,
                () -> { }, () -> { });
        Stage w = fx(Stage::new);
        javafx.scene.control.ScrollPane[] home = new javafx.scene.control.ScrollPane[1];
        robot.interact(() -> {
            javafx.scene.control.ScrollPane page = new javafx.scene.control.ScrollPane(new dev.arcrun.app.home.HomeView(model, i18n));
            home[0] = page;
            page.setFitToWidth(true);
            MainWindow frame = new MainWindow(i18n, List.of(new dev.arcrun.app.shell.Page("home", "nav.home",
                    org.kordamp.ikonli.feather.Feather.HOME, () -> page)));
            Scene scene = new Scene(frame, 1100, 700);
            theme.apply(scene);
            w.setScene(scene);
            w.show();
            frame.show("home");
        });
        shoot(robot, w.getScene(), "home-local-idle");
        robot.interact(model::startLocal);
        paused.acquire();
        waitUntil(() -> !robot.lookup("#local-progress-text").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        shoot(robot, w.getScene(), "home-local-downloading");
        go.release();
        paused.acquire();
        waitUntil(() -> robot.lookup("#step-start.step-state-running").tryQuery().isPresent());
        robot.interact(() -> ((Button) w.getScene().lookup("#local-details")).fire());
        shoot(robot, w.getScene(), "home-local-starting-details");
        go.release();
        waitUntil(() -> robot.lookup("#local-failure").queryAs(Node.class).isVisible());
        shoot(robot, w.getScene(), "home-local-failed");
        // the whole page, beyond the window's fold
        WaitForAsyncUtils.waitForFxEvents();
        write(fx(() -> home[0].getContent().snapshot(null, null)), out.resolve("home-local-failed-whole.png"));
        robot.interact(w::hide);
    }

    /** The main window over an app folder with an install that stopped: home, banner, dashboard tabs, dialogs. */
    private void window(FxRobot robot, I18n i18n, Path folder) throws Exception {
        AppHome home = new AppHome(folder);
        new InstallConfigStore(home).save(InstallConfig.create("cloudflare", Target.CLOUDFLARE)
                .withStep(StepId.TOOLCHAIN.name(), new StepState(StepState.Status.SUCCEEDED, Instant.now(), null))
                .withStep(StepId.VERIFY.name(), new StepState(StepState.Status.SUCCEEDED, Instant.now(), null)));
        // and the one on this computer, stopped: its header offers Start
        new InstallConfigStore(home).save(InstallConfig.create("local", Target.LOCAL).withEngineUrl("http://127.0.0.1:9")
                .withDeployedBundle(new dev.arcrun.core.config.DeployedBundle("builtin", "0.1.0", "ab".repeat(32), Instant.now())));
        FileSecretStore secrets = new FileSecretStore(home, "screenshots use a file");
        AppContext context = new AppContext(home, executor, Platform::runLater, i18n, () -> secrets,
                ToolchainManager::forTests, Map.of());
        boolean dark = theme.darkProperty().get();
        MainWindow window = fx(() -> ArcrunApp.open(stage, context, url -> { }, running -> true));
        robot.interact(() -> {
            theme.setMode(dark ? ThemeManager.Mode.DARK : ThemeManager.Mode.LIGHT); // the app applies its own (light) theme on opening
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        waitUntil(() -> robot.lookup("#resume-banner").queryAs(Node.class).isVisible());
        shoot(robot, stage.getScene(), "home");
        robot.interact(() -> window.show("dashboard"));
        waitUntil(() -> !robot.lookup("#install-unfinished").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        for (String tab : List.of("tab-creds", "tab-services", "tab-workflows", "tab-maintenance")) {
            robot.clickOn("#" + tab);
            shoot(robot, stage.getScene(), "dashboard-" + tab.substring(4));
        }
        robot.clickOn("#uninstall-button");
        shootDialog(robot, "dialog-uninstall");
        robot.clickOn("#uninstall-cancel");
        robot.interact(() -> robot.lookup("#install-picker").queryComboBox().getSelectionModel().select("local"));
        waitUntil(() -> robot.lookup("#local-start").queryAs(Node.class).isManaged());
        shoot(robot, stage.getScene(), "dashboard-local-stopped");

        Activities running = new Activities();
        running.begin(Activities.Kind.INSTALL, "cloudflare", () -> { });
        Platform.runLater(() -> CloseGuard.dialog(stage, i18n).stopAndClose(running.running()));
        waitUntil(() -> robot.lookup("#" + CloseGuard.KEEP_BUTTON_ID).tryQuery().isPresent());
        shootDialog(robot, "dialog-close-guard");
        robot.clickOn("#" + CloseGuard.KEEP_BUTTON_ID);

        Platform.runLater(() -> dev.arcrun.app.dashboard.DetailsDialog.show(stage.getScene().getRoot(),
                i18n.get("dashboard.run.failed", "r-42", "The address is not a URL.", "fetch"),
                "step: fetch\nengine code: invalid_input\nmessage: The address is not a URL.", i18n));
        waitUntil(() -> robot.lookup("#details-text").tryQuery().isPresent());
        shootDialog(robot, "dialog-details");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(stage::hide);
    }

    /** The install on this computer, made once by the same local pipeline as the Start page: the live tabs use it. */
    private AppHome engineHome;
    private FileSecretStore engineSecrets;

    private void installEngine() {
        engineHome = new AppHome(root.resolve("engine"));
        engineSecrets = new FileSecretStore(engineHome, "screenshots use a file");
        PipelineOutcome outcome = new Installer(engineHome, engineSecrets, ToolchainManager.forTests(), Map.of())
                .install(InstallOptions.of(Target.LOCAL), e -> { }).execute();
        if (!(outcome instanceof PipelineOutcome.Completed)) {
            throw new IllegalStateException("the local engine did not install: " + outcome);
        }
    }

    /** The tabs that need a live engine: components, examples, the data-leaving notice, a run, the editor, Settings. */
    private void liveViews(FxRobot robot, I18n i18n) throws Exception {
        AppContext context = new AppContext(engineHome, executor, Platform::runLater, i18n, () -> engineSecrets,
                ToolchainManager::forTests, Map.of());
        dev.arcrun.app.dashboard.FilePicker none = (owner, title, filter) -> java.util.Optional.empty();
        Stage w = fx(Stage::new);
        robot.interact(() -> {
            Scene scene = new Scene(dev.arcrun.app.dashboard.DashboardPage.create(context, page -> { }, none), 1100, 700);
            theme.apply(scene);
            w.setScene(scene);
            w.show();
        });
        robot.clickOn("#tab-components");
        waitUntil(() -> robot.lookup("#components-cards").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size() >= 16);
        shoot(robot, w.getScene(), "dashboard-components");
        robot.clickOn("#tab-examples");
        shoot(robot, w.getScene(), "dashboard-examples");

        robot.interact(() -> robot.lookup("#try-github_issue_count").queryButton().fire());
        waitUntil(() -> robot.lookup("#leaving-ok").tryQuery().isPresent());
        shootDialog(robot, "dialog-leaving");
        robot.clickOn("#leaving-cancel");

        robot.clickOn("#tab-examples");
        robot.interact(() -> robot.lookup("#try-hello").queryButton().fire());
        waitUntil(() -> robot.lookup("#run-input").queryAs(javafx.scene.control.TextInputControl.class).getText().contains("Ada"));
        robot.clickOn("#run-button");
        javafx.scene.control.ListView<?> timeline = robot.lookup("#trace-timeline").queryListView();
        waitUntil(() -> timeline.getItems().size() == 3);
        robot.interact(() -> timeline.getSelectionModel().select(1));
        waitUntil(() -> robot.lookup("#trace-json").queryAs(javafx.scene.control.TreeView.class).getRoot() != null);
        shoot(robot, w.getScene(), "dashboard-run-timeline");

        Button write = robot.lookup("#wf-write").queryButton();
        Platform.runLater(write::fire);
        waitUntil(() -> robot.lookup("#editor-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#editor-text").queryAs(javafx.scene.control.TextInputControl.class)
                .setText("{\n  \"name\": \"greeting\",\n  \"steps\": [\n    {\"id\": \"greet\" \"component\": \"template\"}\n  ]\n}\n"));
        shootDialog(robot, "dialog-editor");
        robot.clickOn("#editor-cancel");

        robot.interact(() -> w.getScene().setRoot((javafx.scene.Parent) dev.arcrun.app.dashboard.SettingsPage.create(context, theme, url -> { })));
        waitUntil(() -> "50".equals(robot.lookup("#limit-subrequests").queryAs(javafx.scene.control.TextInputControl.class).getText()));
        // the whole page, beyond the window's fold
        javafx.scene.control.ScrollPane page = (javafx.scene.control.ScrollPane) w.getScene().getRoot();
        WaitForAsyncUtils.waitForFxEvents();
        write(fx(() -> page.getContent().snapshot(null, null)), out.resolve("settings-live.png"));
        robot.interact(w::hide);
    }

    /** The wizard over a scripted setup (no network): every page, and the account picker. */
    private void wizard(FxRobot robot, I18n i18n) throws Exception {
        AppHome home = new AppHome(root.resolve("wizard-" + out.getFileName()));
        FileSecretStore secrets = new FileSecretStore(home, "screenshots use a file");
        AppContext context = new AppContext(home, executor, Platform::runLater, i18n, () -> secrets,
                ToolchainManager::forTests, Map.of());
        CloudflareWizard wizard = fx(() -> CloudflareWizard.build(context, new ScriptedSetup(), url -> { }, () -> { }));
        Stage w = fx(Stage::new);
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(wizard.view()), 1100, 700);
            theme.apply(scene);
            w.setScene(scene);
            w.show();
        });
        shoot(robot, w.getScene(), "wizard-1-token");
        robot.clickOn("#open-token-page");
        robot.clickOn("#token-field").write("several-accounts-token-0123456789abcdef");
        robot.clickOn("#check-token");
        @SuppressWarnings("unchecked")
        ComboBox<Account> picker = robot.lookup("#account-picker").queryAs(ComboBox.class);
        waitUntil(() -> !picker.getItems().isEmpty());
        shoot(robot, w.getScene(), "wizard-1-token-accounts");
        robot.interact(() -> picker.setValue(picker.getItems().get(1)));
        waitUntil(() -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
        shoot(robot, w.getScene(), "wizard-1-token-checked");
        robot.clickOn("#wizard-next");
        shoot(robot, w.getScene(), "wizard-2-options");
        robot.clickOn("#wizard-next");
        waitUntil(() -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
        shoot(robot, w.getScene(), "wizard-3-review");
        robot.clickOn("#wizard-next");
        waitUntil(() -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
        shoot(robot, w.getScene(), "wizard-4-install");
        robot.clickOn("#wizard-next");
        shoot(robot, w.getScene(), "wizard-5-done");
        robot.interact(w::hide);
    }

    private void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> scene.getRoot().snapshot(null, null));
        write(image, out.resolve(name + ".png"));
    }

    /** The newest window that is not the main one: the dialog just opened. */
    private void shootDialog(FxRobot robot, String name) throws Exception {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing() && w instanceof Stage s && s.getOwner() != null));
        Window dialog = fx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w instanceof Stage s && s.getOwner() != null).reduce((a, b) -> b).orElseThrow());
        shoot(robot, dialog.getScene(), name);
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage b = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                b.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", file.toFile());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    /** Cloudflare as a screenshot needs it: two accounts, every permission, a plan, an install that ends well. */
    private static final class ScriptedSetup implements CloudflareSetup {
        private static final String URL = "https://arcrun-cypher-executor.analytical.workers.dev";
        private static final List<Account> ACCOUNTS = List.of(new Account("0123456789abcdef0123456789abcdef", "Ada Lovelace"),
                new Account("fedcba9876543210fedcba9876543210", "Analytical Engines Ltd"));

        @Override
        public TokenReport checkToken(String token) {
            return new TokenReport(null, null, null, ACCOUNTS);
        }

        @Override
        public TokenReport checkToken(String token, Account chosen) {
            return new TokenReport(chosen.id(), chosen.name(), new PermissionReport(PermissionGroup.REQUIRED.stream()
                    .map(g -> new PermissionReport.Check(g, PermissionReport.Outcome.GRANTED, java.util.Optional.empty())).toList()));
        }

        @Override
        public List<DryRun.Item> plan(String token, InstallOptions options) {
            return List.of(new DryRun.Item(StepId.TOOLCHAIN, new PlanAction.UseToolchain("22.12.0", "4.20.0")),
                    new DryRun.Item(StepId.VERIFY, new PlanAction.TokenReady("")),
                    new DryRun.Item(StepId.PROVISION, new PlanAction.KvNamespace(false, "arcrun-credentials")),
                    new DryRun.Item(StepId.PROVISION, new PlanAction.R2Bucket(false, "arcrun-components")),
                    new DryRun.Item(StepId.SUBDOMAIN, new PlanAction.UseSubdomain("analytical")),
                    new DryRun.Item(StepId.FETCH, new PlanAction.FetchBuiltin()),
                    new DryRun.Item(StepId.KEYS, new PlanAction.NewKeys()),
                    new DryRun.Item(StepId.DEPLOY, new PlanAction.Deploy(List.of("arcrun-registry", "arcrun-cypher-executor"))),
                    new DryRun.Item(StepId.SEED, new PlanAction.Seed()));
        }

        @Override
        public InstallRun install(String token, InstallOptions options, InstallListener listener) {
            return new InstallRun() {
                @Override
                public PipelineOutcome execute() {
                    List<StepId> steps = Installer.plan(Target.CLOUDFLARE, Installer.Mode.INSTALL);
                    // what the tools print on a real install, in short
                    java.util.Map<StepId, List<String[]>> lines = java.util.Map.of(
                            StepId.TOOLCHAIN, List.<String[]>of(new String[] {"npm", "added 47 packages in 9s"}),
                            StepId.DEPLOY, List.of(
                                    new String[] {"arcrun-registry", "Total Upload: 812.40 KiB / gzip: 160.22 KiB"},
                                    new String[] {"arcrun-registry", "Uploaded arcrun-registry (3.21 sec)"},
                                    new String[] {"arcrun-registry", "https://arcrun-registry.analytical.workers.dev"},
                                    new String[] {"arcrun-cypher-executor", "Your Worker has access to the following bindings: KV, R2, Service"},
                                    new String[] {"arcrun-cypher-executor", "Uploaded arcrun-cypher-executor (4.02 sec)"},
                                    new String[] {"arcrun-cypher-executor", "https://arcrun-cypher-executor.analytical.workers.dev"}));
                    for (StepId s : steps) {
                        listener.on(new InstallEvent.Started(s));
                        for (String[] line : lines.getOrDefault(s, List.of())) {
                            listener.on(new InstallEvent.Log(s, line[0], line[1], LogLevel.INFO));
                        }
                        listener.on(new InstallEvent.Succeeded(s, Note.of(Note.Code.DONE_EARLIER), Duration.ofMillis(10)));
                    }
                    listener.on(new InstallEvent.Warning(StepId.CHECK, Failure.of(Failure.Code.ENGINE_NOT_ANSWERING, URL, "timed out"),
                            Advice.of(Advice.Code.CHECK_LATER)));
                    return new PipelineOutcome.Completed(steps, List.of(), URL);
                }

                @Override public void cancel() { }

                @Override public String installName() { return options.name(); }
            };
        }


    }
}
