package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.app.console.ConsoleViewModel;
import dev.arcrun.app.shell.AppContext;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * Builds the Cloudflare install wizard: one draft, one view model per page, their views, and the shell. Also where
 * an install that stopped is finished from ({@link #finish(String)}): the same pages, with its saved choices.
 */
public final class CloudflareWizard {
    private static final int TOKEN_PAGE = 0;
    private static final int INSTALL_PAGE = 3;

    private final Node view;
    private final WizardModel wizard;
    private final InstallDraft draft;
    private final CloudflareSetup setup;
    private final TaskExecutor executor;

    private CloudflareWizard(Node view, WizardModel wizard, InstallDraft draft, CloudflareSetup setup, TaskExecutor executor) {
        this.view = view;
        this.wizard = wizard;
        this.draft = draft;
        this.setup = setup;
        this.executor = executor;
    }

    /** @param browse opens a web page in the user's browser */
    public static Node create(AppContext c, CloudflareSetup setup, Consumer<String> browse) {
        return build(c, setup, browse, () -> { }).view();
    }

    /** @param openDashboard shows the dashboard (the Done page's button) */
    public static CloudflareWizard build(AppContext c, CloudflareSetup setup, Consumer<String> browse, Runnable openDashboard) {
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
                Views.scrolling(new DonePageView(done, c.i18n(), browse, openDashboard)));
        var view = new CloudflareWizardView(wizard, views,
                List.of("cf.step.token", "cf.step.options", "cf.step.plan", "cf.step.install", "cf.step.done"), c.i18n());
        wizard.start();
        return new CloudflareWizard(view, wizard, draft, setup, c.executor());
    }

    public Node view() { return view; }

    /**
     * Finishes the install that stopped, with the prefix, engine source and account it saved: straight on the
     * install page when its token is kept, else on the token page first (the other pages show its choices).
     */
    public void finish(String installName) {
        executor.execute(() -> setup.saved(installName), saved -> saved.ifPresent(s -> {
            draft.resume(s.name(), s.prefix(), s.source(), s.accountId());
            wizard.jumpTo(s.tokenKept() ? INSTALL_PAGE : TOKEN_PAGE);
        }), failure -> wizard.jumpTo(TOKEN_PAGE));
    }
}
