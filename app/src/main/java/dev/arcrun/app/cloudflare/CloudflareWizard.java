package dev.arcrun.app.cloudflare;

import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.shell.AppContext;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;

/** Builds the Cloudflare install wizard: one draft, one view model per page, their views, and the shell. */
public final class CloudflareWizard {
    private CloudflareWizard() {}

    /** @param browse opens a web page in the user's browser */
    public static Node create(AppContext c, CloudflareSetup setup, Consumer<String> browse) {
        InstallDraft draft = new InstallDraft();
        var token = new TokenPageModel(c.executor(), setup, draft, c.i18n(), browse);
        var options = new OptionsPageModel(draft, c.i18n());
        var plan = new PlanPageModel(c.executor(), setup, draft, c.i18n());
        ConsoleViewModel console = new ConsoleViewModel(c.uiThread());
        console.logLocation(c.home().logs().toString()); // wrangler's full output is kept there (core's log files)
        var install = new InstallPageModel(c.executor(), c.uiThread(), setup, draft, c.i18n(), console)
                .tracking(c.activities());
        var done = new DonePageModel(draft, install.warningProperty());
        WizardModel wizard = new WizardModel(List.of(token, options, plan, install, done));
        List<Node> views = List.of(
                Views.scrolling(new TokenPageView(token, c.i18n())),
                Views.scrolling(new OptionsPageView(options, c.i18n())),
                Views.scrolling(new PlanPageView(plan, c.i18n())),
                new InstallPageView(install, c.i18n()),
                Views.scrolling(new DonePageView(done, c.i18n(), browse)));
        var view = new CloudflareWizardView(wizard, views,
                List.of("cf.step.token", "cf.step.options", "cf.step.plan", "cf.step.install", "cf.step.done"), c.i18n());
        wizard.start();
        return view;
    }
}
