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
    private String prefix;
    private String source = InstallOptions.BUILTIN;
    private String engineUrl = "";

    public Optional<String> token() { return Optional.ofNullable(token); }

    public void token(String value) { this.token = value; }

    public void forgetToken() { this.token = null; }

    public String accountName() { return accountName; }

    public void account(String id, String name) {
        this.accountId = id;
        this.accountName = name == null ? "" : name;
    }

    public void options(String prefix, String source) {
        this.prefix = prefix;
        this.source = source;
    }

    /**
     * The install as the core pipeline takes it; the token travels separately (see {@link CloudflareSetup}). The
     * account is left to core: the token check made sure the token reaches exactly one, and core then knows its
     * name too (a given id comes without one).
     */
    public InstallOptions installOptions() {
        return new InstallOptions(Target.CLOUDFLARE, null, source, prefix, null, null, Optional.empty(), false, false);
    }

    /** The account the token check found (its id is for display and tests; core finds the same one). */
    public String accountId() { return accountId; }

    public String engineUrl() { return engineUrl; }

    public void engineUrl(String url) { this.engineUrl = url == null ? "" : url; }
}
