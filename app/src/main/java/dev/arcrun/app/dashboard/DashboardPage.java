package dev.arcrun.app.dashboard;

import dev.arcrun.app.common.LocalEngineControl;
import dev.arcrun.app.resume.Finisher;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.console.ConsoleView;
import dev.arcrun.app.console.ConsoleViewModel;
import java.util.function.Consumer;

/** Builds the dashboard: its view models (one per tab, all following the header's install) and their views. */
public final class DashboardPage {
    private DashboardPage() {}

    /** @param navigate shows another page by id ("home" for the empty state's button) */
    public static DashboardView create(AppContext c, Consumer<String> navigate, FilePicker files) {
        return create(c, navigate, files, u -> { }, LocalEngineControl.NONE);
    }

    /**
     * @param finisher finishes an install that stopped (its "Finish install")
     * @param local    starts and stops the engine on this computer (a local install's header)
     */
    public static DashboardView create(AppContext c, Consumer<String> navigate, FilePicker files, Finisher finisher,
                                       LocalEngineControl local) {
        Installs installs = new Installs(c);
        DashboardViewModel header = new DashboardViewModel(c.executor(), installs, () -> navigate.accept("home"))
                .finishing(finisher).local(local).tracking(c.activities());
        var connection = header.connectionProperty();
        var creds = new CredentialsViewModel(c.executor(), connection, c.i18n());
        var services = new ServicesViewModel(c.executor(), connection, c.i18n());
        creds.onChanged(services::credentialChanged);
        services.onCredentialsChanged(creds::refresh);
        var workflows = new WorkflowsViewModel(c.executor(), connection, c.i18n());
        var run = new RunViewModel(c.executor(), connection, workflows.selectedProperty(), c.i18n());
        var console = new ConsoleViewModel(c.uiThread());
        var maintenance = new MaintenanceViewModel(c.executor(), c.uiThread(), installs, connection, c.i18n(),
                console, header::reload).tracking(c.activities());
        var components = new ComponentsViewModel(c.executor(), connection);
        WorkflowsView workflowsView = new WorkflowsView(workflows, run, c.i18n(), files);
        DashboardView view = new DashboardView(header, c.i18n(), new DashboardView.Tabs(
                new CredentialsView(creds, c.i18n()),
                new ServicesView(services, c.i18n()),
                workflowsView,
                new MaintenanceView(maintenance, header, c.i18n(), new ConsoleView(console, c.i18n())),
                new ComponentsView(components, c.i18n()),
                new ExamplesView(Examples.all(), workflows, c.i18n())));
        workflowsView.onOpenExamples(() -> view.showTab("tab-examples"));
        // an example just added opens in the Workflows tab with its sample input
        workflows.onAdded((name, sample) -> {
            if (sample != null) {
                run.setInputFor(name, sample.toString()); // one line: the input field is three rows high
                view.showTab("tab-workflows");
            }
        });
        return view;
    }
}
