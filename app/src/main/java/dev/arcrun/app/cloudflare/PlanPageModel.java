package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.PlanAction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Page 3: what the install will create, reuse and deploy, found read-only (core's dry run) each time it is shown. */
public final class PlanPageModel implements WizardPage {

    /** One line of the plan: the step's name in the user's language, what it will do, and whether it blocks. */
    public record Row(String step, String action, boolean blocking) {}

    private final TaskExecutor executor;
    private final CloudflareSetup setup;
    private final InstallDraft draft;
    private final I18n i18n;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows); // kept: see TokenPageModel
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public PlanPageModel(TaskExecutor executor, CloudflareSetup setup, InstallDraft draft, I18n i18n) {
        this.executor = executor;
        this.setup = setup;
        this.draft = draft;
        this.i18n = i18n;
    }

    @Override
    public void enter() {
        if (loading.get()) {
            return;
        }
        String token = draft.token().orElse("");
        var options = draft.installOptions();
        rows.clear();
        valid.set(false);
        error.set("");
        loading.set(true);
        executor.execute(() -> setup.plan(token, options), items -> {
            loading.set(false);
            rows.setAll(items.stream().map(this::row).toList());
            boolean blocked = rows.stream().anyMatch(Row::blocking);
            error.set(blocked ? i18n.get("cf.plan.blocked") : "");
            valid.set(!blocked);
        }, failure -> {
            loading.set(false);
            error.set(new dev.arcrun.app.progress.CoreWords(i18n).text(failure));
        });
    }

    private Row row(DryRun.Item item) {
        return new Row(i18n.core().step(item.step()), i18n.core().render(named(item.action())), item.action().blocking());
    }

    /** A given account id comes back without a name: show the name the token check found, or the id. */
    private PlanAction named(PlanAction action) {
        return switch (action) {
            case PlanAction.TokenReady t when t.account() == null || t.account().isBlank() -> new PlanAction.TokenReady(draft.accountLabel());
            case PlanAction.PermissionsMissing m when m.account() == null || m.account().isBlank() ->
                    new PlanAction.PermissionsMissing(draft.accountLabel(), m.missing());
            default -> action;
        };
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    @Override
    public String nextKey() { return "cf.plan.install"; }

    public ObservableList<Row> rows() { return readOnlyRows; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
