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
import dev.arcrun.core.cloudflare.TokenVerdict;
import dev.arcrun.app.progress.CoreWords;
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
            throw new TokenProblem(TokenProblem.Kind.OTHER, new CoreWords(context.i18n()).oneLine(e));
        }
        try (CloudflareClient cf = new CloudflareClient(settings, CloudflareClient.Options.defaults())) {
            Optional<String> given = chosen != null ? Optional.of(chosen.id()) : settings.accountId();
            // core's one token check; the app maps a refusal to what the token page shows, several accounts to its picker
            return switch (TokenVerdict.check(cf, given)) {
                case TokenVerdict.Ready r -> new TokenReport(r.account().id(),
                        chosen != null && (r.account().name() == null || r.account().name().isEmpty()) ? chosen.name()
                                : r.account().name(), r.permissions());
                case TokenVerdict.Refused r when r.reason() == TokenVerdict.Reason.SEVERAL_ACCOUNTS ->
                        new TokenReport(null, null, null, cf.listAccounts());
                case TokenVerdict.Refused r -> throw new TokenProblem(switch (r.reason()) {
                    case INVALID -> TokenProblem.Kind.INVALID;
                    case EXPIRED -> TokenProblem.Kind.EXPIRED;
                    case DISABLED -> TokenProblem.Kind.DISABLED;
                    case NO_ACCOUNT -> TokenProblem.Kind.NO_ACCOUNT;
                    case SEVERAL_ACCOUNTS -> TokenProblem.Kind.SEVERAL_ACCOUNTS;
                }, new CoreWords(context.i18n()).failure(r.failure()));
            };
        } catch (TokenProblem e) {
            throw e;
        } catch (UserFacingException e) {
            throw new TokenProblem(TokenProblem.Kind.OTHER, new CoreWords(context.i18n()).oneLine(e));
        }
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
        Installer.Run run = installer.install(installer.resumeIfSaved(options), listener); // "Try again" resumes
        return new InstallRun() {
            @Override public PipelineOutcome execute() { return run.execute(); }

            @Override public void cancel() { run.cancel(); }

            @Override public String installName() { return run.installName(); }
        };
    }

}
