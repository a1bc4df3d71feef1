package dev.arcrun.app.cloudflare;

import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallOptions;
import java.util.Optional;

/**
 * What the pages have gathered so far, handed from page to page by their {@code commit()}. Lives only in memory;
 * the token is dropped once the install has stored it in the secret store. Used on the FX thread only.
 */
public final class InstallDraft {
    private String token;
    private String accountId;
    private String accountName = "";
    private boolean accountChosen;
    private String prefix;
    private String source = InstallOptions.BUILTIN;
    private String name;
    private boolean resuming;
    private String engineUrl = "";

    public Optional<String> token() { return Optional.ofNullable(token); }

    public void token(String value) { this.token = value; }

    public void forgetToken() { this.token = null; }

    public String accountName() { return accountName; }

    /** The account's name, or its id where Cloudflare gave no name: never an empty pair of quotes. */
    public String accountLabel() {
        return !accountName.isBlank() ? accountName : accountId == null ? "" : accountId;
    }

    public void account(String id, String name) {
        this.accountId = id;
        this.accountName = name == null ? "" : name;
    }

    /** The user picked this account among several the token can use: the install must go there. */
    public void chooseAccount(String id, String name) {
        account(id, name);
        this.accountChosen = true;
    }

    public void options(String prefix, String source) {
        this.prefix = prefix;
        this.source = source;
    }

    public String prefix() { return prefix; }

    public String source() { return source; }

    /**
     * Finishing an install that stopped: its name, prefix, source and account as it saved them. The install page
     * then continues after the last finished step instead of starting over.
     */
    public void resume(String installName, String prefix, String source, String accountId) {
        this.name = installName;
        options(prefix, source == null ? InstallOptions.BUILTIN : source);
        if (accountId != null) {
            chooseAccount(accountId, accountName);
        }
        this.resuming = true;
    }

    public boolean resuming() { return resuming; }

    /** The finished install is no longer one to resume: a later install from this wizard starts fresh. */
    public void resumed() { this.resuming = false; }

    /**
     * The install as the core pipeline takes it; the token travels separately (see {@link CloudflareSetup}). The
     * account is left to core when the token reaches exactly one (core then knows its name too; a given id comes
     * without one); a chosen or saved account is passed on.
     */
    public InstallOptions installOptions() {
        return new InstallOptions(Target.CLOUDFLARE, name, source, prefix, null, null,
                accountChosen ? Optional.ofNullable(accountId) : Optional.empty(), false, false);
    }

    /** The account the token check found or the user chose (core finds the same one). */
    public String accountId() { return accountId; }

    public String engineUrl() { return engineUrl; }

    public void engineUrl(String url) { this.engineUrl = url == null ? "" : url; }
}
