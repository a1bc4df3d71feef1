package dev.arcrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.arcrun.app.background.KeepRunningSetting;
import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.home.LocalStart;
import dev.arcrun.app.settings.AppSettings;
import dev.arcrun.app.settings.SettingsViewModel;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.MainWindow;
import dev.arcrun.app.shell.Navigation;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings page switches the language and the theme while the window is open, and the next start keeps them. */
@ExtendWith(ApplicationExtension.class)
class SettingsLiveTest {
    @TempDir Path root;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "test");
        i18n = new I18n(Locale.ENGLISH);
        AppContext context = new AppContext(home, new CurrentThreadTaskExecutor(), Runnable::run, i18n, () -> secrets,
                ToolchainManager::forTests, Map.of());
        MainWindow[] window = new MainWindow[1];
        Navigation nav = new Navigation(id -> window[0].show(id), url -> {});
        LocalStart localStart = new LocalStart(context);
        window[0] = new MainWindow(i18n, ArcrunApp.pages(context, nav, localStart));
        stage.setScene(ArcrunApp.buildScene(window[0]));
        ArcrunApp.rebuildOnLanguageChange(stage, i18n, window, () -> new MainWindow(i18n, ArcrunApp.pages(context, nav, localStart)));
        stage.show();
        window[0].show("settings");
    }

    @AfterEach
    void lightAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ThemeManager.app().setMode(ThemeManager.Mode.LIGHT)).get();
    }

    @Test
    void choosingTraditionalChineseRebuildsTheWindowInItAndTheNextStartSpeaksIt(FxRobot robot) throws Exception {
        assertThat(text(robot, "#nav-home")).isEqualTo("Start");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#settings-language").queryAs(ComboBox.class)
                .getSelectionModel().select(Locale.TRADITIONAL_CHINESE)).get();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "開始".equals(text(robot, "#nav-home")));
        assertThat(text(robot, "#nav-settings")).isEqualTo("設定");
        assertThat(robot.lookup("#settings").tryQuery()).as("still on the Settings page").isPresent();
        // the rebuilt page lays out on a later pulse: wait for its title rather than race it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".page-title").tryQuery()
                .map(n -> "設定".equals(((Labeled) n).getText())).orElse(false));

        AppSettings saved = AppSettings.load(root);
        assertThat(saved.language()).isEqualTo("zh-TW");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("settings.json")))).isEqualTo("rw-------");
        }
        I18n nextStart = new I18n(Locale.ENGLISH);
        WaitForAsyncUtils.asyncFx(() -> SettingsViewModel.applySaved(root, nextStart, new ThemeManager())).get();
        assertThat(nextStart.get("nav.home")).isEqualTo("開始");
    }

    @Test
    void darkAppliesAtOnceAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        assertThat(ThemeManager.app().darkProperty().get()).isTrue();
        assertThat(AppSettings.load(root).theme()).isEqualTo(ThemeManager.Mode.DARK);

        robot.clickOn("#theme-light");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new PrimerLight().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        assertThat(AppSettings.load(root).theme()).isEqualTo(ThemeManager.Mode.LIGHT);
    }

    @Test
    void theDarkThemeSurvivesARestart(FxRobot robot) throws Exception {
        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> AppSettings.load(root).theme() == ThemeManager.Mode.DARK);
        // the next start: a process whose theme begins light, then reads the app folder as ArcrunApp.start does
        WaitForAsyncUtils.asyncFx(() -> {
            ThemeManager.app().setMode(ThemeManager.Mode.LIGHT);
            SettingsViewModel.applySaved(root, new I18n(Locale.ENGLISH), ThemeManager.app());
        }).get();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(ThemeManager.app().darkProperty().get()).isTrue();
        // and its Settings page shows Dark as the choice, so opening it changes nothing
        SettingsViewModel next = WaitForAsyncUtils.asyncFx(() -> new SettingsViewModel(new I18n(Locale.ENGLISH),
                ThemeManager.app(), root, () -> false)).get();
        assertThat(next.themeProperty().get()).isEqualTo(ThemeManager.Mode.DARK);
        assertThat(AppSettings.load(root).theme()).isEqualTo(ThemeManager.Mode.DARK);
    }

    @Test
    void keepingTheLocalEngineRunningIsChosenOnTheSettingsPageAndRemembered(FxRobot robot) throws Exception {
        assertThat(KeepRunningSetting.load(root).get()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#keep-running").queryAs(javafx.scene.control.CheckBox.class).fire()).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> KeepRunningSetting.load(root).get());
        assertThat(text(robot, "#keep-running-note")).as("says what keeping it running means here").isNotBlank();
    }

    @Test
    void aDamagedSettingsFileFallsBackToTheDefaults() throws Exception {
        Files.writeString(root.resolve("settings.json"), "{not json");
        assertThat(AppSettings.load(root)).isEqualTo(AppSettings.DEFAULTS);
        Files.writeString(root.resolve("settings.json"), "{\"language\":\"zh-TW\",\"theme\":\"NEON\",\"later\":true}");
        assertThat(AppSettings.load(root)).isEqualTo(new AppSettings("zh-TW", ThemeManager.Mode.SYSTEM));
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery()
                .map(n -> n instanceof Labeled l ? l.getText() : "").orElse("")).get();
    }
}
