package dev.arcrun.app.dashboard;

import dev.arcrun.app.background.KeepRunningSetting;
import dev.arcrun.app.background.KeepRunningView;
import dev.arcrun.app.background.TrayPresence;
import dev.arcrun.app.settings.SettingsViewModel;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.theme.ThemeManager;
import java.util.function.Consumer;
import javafx.scene.Node;

/** Builds the Settings page: the app's settings, and the engine settings and details of the install picked there. */
public final class SettingsPage {
    private SettingsPage() {}

    /** @param openInBrowser opens a Cloudflare dashboard link */
    public static Node create(AppContext c, ThemeManager theme, Consumer<String> openInBrowser) {
        DashboardViewModel install = new DashboardViewModel(c.executor(), new Installs(c), () -> {});
        var engine = new EngineOptionsViewModel(c.executor(), install.connectionProperty(), c.i18n());
        var limits = new PlanLimitsViewModel(c.executor(), install.connectionProperty(), c.i18n());
        // kept in its own file (background.json), read again by the window's close
        var background = new KeepRunningView(KeepRunningSetting.load(c.home().root()), TrayPresence.available(), c.i18n());
        return new SettingsView(new SettingsViewModel(c.i18n(), theme, c.home().root(),
                () -> !c.activities().running().isEmpty()), background, install, engine, limits, c.i18n(), openInBrowser);
    }
}
