package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.common.TaskExecutor;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.cloudflare.PermissionReport;
import dev.arcrun.core.cloudflare.TokenTemplate;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Page 1: the Cloudflare API token. Opens Cloudflare's prefilled token page, checks the typed token in the
 * background (active, account, each permission group) and only then allows Next. The field is emptied once the
 * check passed; the token then lives only in the draft's memory. Never shown or logged.
 */
public final class TokenPageModel implements WizardPage {

    /** One permission group as Cloudflare names it, and whether the token has it. */
    public record PermissionRow(String cloudflareName, PermissionReport.Outcome outcome) {}

    private final TaskExecutor executor;
    private final CloudflareSetup setup;
    private final InstallDraft draft;
    private final I18n i18n;
    private final Consumer<String> browse;
    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper account = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<PermissionRow> permissions = FXCollections.observableArrayList();
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObservableList<Account> readOnlyAccounts = FXCollections.unmodifiableObservableList(accounts);
    private final ObjectProperty<Account> chosenAccount = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper tokenPageLink = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resumeNote = new ReadOnlyStringWrapper("");
    /** One wrapper for good: a wrapper listens to its source weakly, so a fresh one per call could lose listeners. */
    private final ObservableList<PermissionRow> readOnlyPermissions = FXCollections.unmodifiableObservableList(permissions);
    private String checkedToken;

    /** @param browse opens a web page in the user's browser (HostServices.showDocument in the app) */
    public TokenPageModel(TaskExecutor executor, CloudflareSetup setup, InstallDraft draft, I18n i18n,
                          Consumer<String> browse) {
        this.executor = executor;
        this.setup = setup;
        this.draft = draft;
        this.i18n = i18n;
        this.browse = browse;
        token.addListener((o, was, now) -> {
            if (!now.isEmpty()) { // a new token must be checked again
                valid.set(false);
                account.set("");
                permissions.clear();
                error.set("");
                accounts.clear();
                chosenAccount.set(null);
            }
        });
        chosenAccount.addListener((o, was, now) -> {
            if (now != null && !accounts.isEmpty()) {
                checkToken(); // the permissions are the chosen account's
            }
        });
    }

    /** Finishing a stopped install whose token was not kept yet: say why the token is asked for again. */
    @Override
    public void enter() {
        resumeNote.set(draft.resuming() && !valid.get() ? i18n.get("cf.token.resume", draft.installOptions().name()) : "");
    }

    /**
     * Opens Cloudflare's prefilled token page. The link is shown as well, to copy: where no browser can be opened
     * (a remote desktop, no default browser) nothing would happen otherwise, and the app cannot tell.
     */
    public void openTokenPage() {
        String link = TokenTemplate.creationUrl(PermissionGroup.REQUIRED).toString();
        tokenPageLink.set(link);
        try {
            browse.accept(link);
        } catch (RuntimeException noBrowser) {
            // the link is on screen to copy
        }
    }

    public void checkToken() {
        String typed = token.get().strip();
        if (checking.get() || typed.isEmpty()) {
            return;
        }
        checking.set(true);
        error.set("");
        Account chosen = accounts.isEmpty() ? null : chosenAccount.get();
        executor.execute(() -> chosen == null ? setup.checkToken(typed) : setup.checkToken(typed, chosen), report -> {
            checking.set(false);
            if (report.needsChoice()) { // the token's field keeps it until an account is chosen
                accounts.setAll(report.choices());
                permissions.clear();
                return;
            }
            show(report);
            if (report.permissions().complete()) {
                checkedToken = typed;
                if (chosen != null) {
                    draft.chooseAccount(chosen.id(), chosen.name());
                } else {
                    draft.account(report.accountId(), report.accountName());
                }
                valid.set(true);
                token.set(""); // out of the field: it now lives only in memory, until the install stored it
            } else {
                error.set(i18n.get("cf.token.missing"));
            }
        }, failure -> {
            checking.set(false);
            error.set(message(failure));
        });
    }

    private void show(CloudflareSetup.TokenReport report) {
        String name = report.accountName() == null || report.accountName().isBlank() ? report.accountId() : report.accountName();
        account.set(name == null ? "" : name);
        permissions.setAll(report.permissions().checks().stream()
                .map(c -> new PermissionRow(c.group().displayName(), c.outcome())).toList());
    }

    private String message(Throwable failure) {
        if (failure instanceof CloudflareSetup.TokenProblem p) {
            return switch (p.kind()) {
                case MALFORMED -> i18n.get("cf.token.malformed");
                case INVALID -> i18n.get("cf.token.invalid");
                case EXPIRED -> i18n.get("cf.token.expired");
                case DISABLED -> i18n.get("cf.token.disabled");
                case SEVERAL_ACCOUNTS -> i18n.get("cf.token.several", p.getMessage());
                case NO_ACCOUNT -> i18n.get("cf.token.noaccount");
                case OTHER -> i18n.get("cf.token.other", p.getMessage());
            };
        }
        return i18n.get("cf.token.other", failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    /** Hands the checked token to the draft and keeps no copy (coming back and pressing Next again keeps the draft's). */
    @Override
    public void commit() {
        if (checkedToken != null) {
            draft.token(checkedToken);
            checkedToken = null;
        }
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** Bound both ways to the PasswordField. */
    public StringProperty tokenProperty() { return token; }

    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }

    /** The account's name once a check passed. */
    public ReadOnlyStringProperty accountProperty() { return account.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ObservableList<PermissionRow> permissions() { return readOnlyPermissions; }

    /** The accounts to choose from, when the token can use several (empty otherwise). */
    public ObservableList<Account> accounts() { return readOnlyAccounts; }

    /** The account picked among {@link #accounts()}; picking one checks the token's permissions in it. */
    public ObjectProperty<Account> chosenAccountProperty() { return chosenAccount; }

    /** Why the token is asked for when a stopped install is being finished (empty otherwise). */
    public ReadOnlyStringProperty resumeNoteProperty() { return resumeNote.getReadOnlyProperty(); }

    /** Cloudflare's token page, once the user asked for it: shown to copy where no browser opened. */
    public ReadOnlyStringProperty tokenPageLinkProperty() { return tokenPageLink.getReadOnlyProperty(); }
}
