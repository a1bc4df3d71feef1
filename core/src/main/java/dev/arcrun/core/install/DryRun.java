package dev.arcrun.core.install;

import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.core.cloudflare.TokenVerdict;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an install would do, found with read-only calls only: nothing is created, written, deployed or downloaded.
 */
public final class DryRun {
    /** One line of the plan: the step and what it would do (a fact; the faces render it). */
    public record Item(StepId step, PlanAction action) {}

    private final AppHome home;
    private final SecretStore secrets;
    private final ToolchainManager toolchains;
    private final Map<String, String> env;

    public DryRun(AppHome home, SecretStore secrets, ToolchainManager toolchains, Map<String, String> env) {
        this.home = home;
        this.secrets = secrets;
        this.toolchains = toolchains;
        this.env = Map.copyOf(env);
    }

    public List<Item> plan(InstallOptions options) {
        InstallConfigStore store = new InstallConfigStore(home);
        Optional<InstallConfig> existing = store.find(options.name());
        InstallConfig config = existing.orElseGet(() -> InstallConfig.create(options.name(), options.target()));
        List<Item> items = new ArrayList<>();
        items.add(new Item(StepId.TOOLCHAIN, toolchains.find()
                .<PlanAction>map(t -> new PlanAction.UseToolchain(t.nodeVersion(), t.wranglerVersion()))
                .orElse(new PlanAction.InstallToolchain(ToolchainManager.NODE_PACKAGE_VERSION,
                        ToolchainManager.WRANGLER_PACKAGE_VERSION, toolchains.toolsDir()))));
        if (options.target() == Target.CLOUDFLARE) {
            InstallOptions readOnly = new InstallOptions(options.target(), options.name(), options.source(), options.prefix(),
                    options.apiBase(), options.tokenFile(), options.accountId(), false, true);
            try (InstallSession s = new InstallSession(home, readOnly, store, secrets, toolchains, env, config)) {
                CloudflareClient cf = s.cloudflare();
                Optional<String> account = options.accountId().or(() -> Optional.ofNullable(config.accountId()));
                TokenVerdict.Ready ready = TokenVerdict.check(cf, account).ready();
                var acc = ready.account();
                var report = ready.permissions();
                items.add(new Item(StepId.VERIFY, report.missing().isEmpty() ? new PlanAction.TokenReady(acc.name())
                        : new PlanAction.PermissionsMissing(acc.name(), report.missing())));
                ProvisionResult r = new Provisioner(cf).ensure(acc.id(), ResourceManifest.standard(options.prefix()), true);
                r.kv().forEach(k -> items.add(new Item(StepId.PROVISION,
                        new PlanAction.KvNamespace(k.action() != ProvisionResult.Action.WOULD_CREATE, k.title()))));
                r.r2().forEach(b -> items.add(new Item(StepId.PROVISION,
                        new PlanAction.R2Bucket(b.action() != ProvisionResult.Action.WOULD_CREATE, b.name()))));
                items.add(new Item(StepId.SUBDOMAIN, cf.workersSubdomain(acc.id())
                        .<PlanAction>map(PlanAction.UseSubdomain::new).orElse(new PlanAction.NoSubdomain())));
            }
        }
        items.add(new Item(StepId.FETCH, switch (BundleSource.parse(options.source())) {
            case BundleSource.Remote r -> new PlanAction.FetchFrom(r.url().toString());
            case BundleSource.LocalFile f -> new PlanAction.FetchFrom(f.file().toString());
            case BundleSource.Builtin b -> new PlanAction.FetchBuiltin();
        }));
        boolean hasKeys = secrets.get(options.name(), SecretKind.API_KEY).isPresent();
        items.add(new Item(StepId.KEYS, hasKeys ? new PlanAction.KeepKeys() : new PlanAction.NewKeys()));
        if (options.target() == Target.CLOUDFLARE) {
            String prefix = config.resources().prefix() != null ? config.resources().prefix() : options.prefix();
            items.add(new Item(StepId.DEPLOY, new PlanAction.Deploy(WorkerNames.ENGINE_WORKERS.stream()
                    .map(w -> WorkerNames.deployed(w, prefix)).toList())));
        } else {
            items.add(new Item(StepId.START, new PlanAction.StartLocal()));
        }
        items.add(new Item(StepId.SEED, new PlanAction.Seed()));
        items.add(new Item(StepId.CONFIG, new PlanAction.WriteConfig(existing.isPresent(), store.file(options.name()))));
        return items;
    }
}
