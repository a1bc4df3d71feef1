package dev.arcrun.app.cloudflare;

import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.core.cloudflare.ApiToken;
import dev.arcrun.core.cloudflare.CloudflareApiException;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.CloudflareSettings;
import dev.arcrun.core.cloudflare.TokenCheck;
import dev.arcrun.core.cloudflare.TokenSource;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CloudflareSetup} over core. The typed token reaches core only inside an in-memory copy of the app's
 * environment map ({@value TokenSource#ENV}); the pipeline itself keeps it in the secret store.
 */
public final class CoreCloudflareSetup implements CloudflareSetup {
    private static final int INVALID_TOKEN = 1000;
    private static final int ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS = 1001;

    private final AppContext context;

    public CoreCloudflareSetup(AppContext context) {
        this.context = context;
    }

    private Map<String, String> envWith(String token) {
        Map<String, String> env = new HashMap<>(context.env());
        env.put(TokenSource.ENV, token.strip());
        return env;
    }

    @Override
    public TokenReport checkToken(String token) {
        return checkToken(token, null);
    }

    @Override
    public TokenReport checkToken(String token, Account chosen) {
        try {
            ApiToken.of(token == null ? "" : token.strip());
        } catch (IllegalArgumentException e) {
            throw new TokenProblem(TokenProblem.Kind.MALFORMED, e.getMessage());
        }
        CloudflareSettings settings;
        try {
            settings = CloudflareSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(), envWith(token));
        } catch (UserFacingException e) {
            throw new TokenProblem(TokenProblem.Kind.OTHER, e.oneLine());
        }
        try (CloudflareClient cf = new CloudflareClient(settings, CloudflareClient.Options.defaults())) {
            TokenCheck check = verify(cf, settings.accountId());
            switch (check.status()) {
                case EXPIRED -> throw new TokenProblem(TokenProblem.Kind.EXPIRED, "");
                case DISABLED -> throw new TokenProblem(TokenProblem.Kind.DISABLED, "");
                case ACTIVE -> { }
            }
            Optional<String> given = chosen != null ? Optional.of(chosen.id()) : settings.accountId();
            List<Account> choices = given.isPresent() ? List.of() : accounts(cf);
            if (choices.size() > 1) {
                return new TokenReport(null, null, null, choices);
            }
            Account account = chosen != null ? chosen : given.map(id -> new Account(id, "")).orElse(choices.getFirst());
            return new TokenReport(account.id(), account.name(), cf.probePermissions(account.id(), check.kind()));
        } catch (TokenProblem e) {
            throw e;
        } catch (UserFacingException e) {
            throw new TokenProblem(TokenProblem.Kind.OTHER, e.oneLine());
        }
    }

    private static TokenCheck verify(CloudflareClient cf, Optional<String> accountId) {
        try {
            return cf.verifyToken(accountId);
        } catch (CloudflareApiException e) {
            if (e.hasCode(INVALID_TOKEN) || e.httpStatus() == 401) {
                throw new TokenProblem(TokenProblem.Kind.INVALID, e.getMessage());
            }
            throw e;
        } catch (UserFacingException e) {
            if (e.getCause() instanceof CloudflareApiException) { // core's "does not recognise this token"
                throw new TokenProblem(TokenProblem.Kind.INVALID, e.getMessage());
            }
            throw e;
        }
    }

    /** The accounts the token can use: at least one, else the token is of no use. */
    private static List<Account> accounts(CloudflareClient cf) {
        List<Account> accounts;
        try {
            accounts = cf.listAccounts();
        } catch (CloudflareApiException e) {
            if (e.hasCode(ACCOUNT_TOKEN_CANNOT_LIST_ACCOUNTS)) {
                throw new TokenProblem(TokenProblem.Kind.NO_ACCOUNT, e.getMessage());
            }
            throw e;
        }
        if (accounts.isEmpty()) {
            throw new TokenProblem(TokenProblem.Kind.NO_ACCOUNT, "");
        }
        return accounts;
    }

    @Override
    public Optional<SavedChoices> saved(String installName) {
        Installer installer = context.installer();
        return installer.store().find(installName).map(c -> new SavedChoices(c.name(), c.resources().prefix(),
                installer.fetchedSource(installName).orElse(null), c.accountId(),
                context.secrets().get().get(installName, SecretKind.CLOUDFLARE_TOKEN).isPresent()));
    }

    @Override
    public List<DryRun.Item> plan(String token, InstallOptions options) {
        return new DryRun(context.home(), context.secrets().get(), context.toolchains().get(), envWith(token)).plan(options);
    }

    @Override
    public InstallRun install(String token, InstallOptions options, InstallListener listener) {
        Installer installer = new Installer(context.home(), context.secrets().get(), context.toolchains().get(), envWith(token));
        // "Try again" resumes; when the first try stopped before anything was saved there is nothing to resume
        boolean resumable = options.resume() && installer.store().find(options.name()).isPresent();
        Installer.Run run = installer.install(options.withResume(resumable), listener);
        return new InstallRun() {
            @Override public PipelineOutcome execute() { return run.execute(); }

            @Override public void cancel() { run.cancel(); }

            @Override public String installName() { return run.installName(); }
        };
    }

    @Override
    public String engineUrl(String installName) {
        return new InstallConfigStore(context.home()).load(installName).engineUrl();
    }
}
