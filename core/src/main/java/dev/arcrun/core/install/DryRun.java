package dev.arcrun.core.install;

import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.cloudflare.CloudflareClient;
import dev.arcrun.core.cloudflare.ProvisionResult;
import dev.arcrun.core.cloudflare.Provisioner;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.core.cloudflare.TokenCheck;
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
    /** One line of the plan: the step and what it would do. */
    public record Item(StepId step, String action) {}

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
                .map(t -> "use node " + t.nodeVersion() + " and wrangler " + t.wranglerVersion())
                .orElse("install node " + ToolchainManager.NODE_PACKAGE_VERSION + " and wrangler "
                        + ToolchainManager.WRANGLER_PACKAGE_VERSION + " with npm into " + toolchains.toolsDir())));
        if (options.target() == Target.CLOUDFLARE) {
            InstallOptions readOnly = new InstallOptions(options.target(), options.name(), options.source(), options.prefix(),
                    options.apiBase(), options.tokenFile(), options.accountId(), false, true);
            try (InstallSession s = new InstallSession(home, readOnly, store, secrets, toolchains, env, config)) {
                CloudflareClient cf = s.cloudflare();
                Optional<String> account = options.accountId().or(() -> Optional.ofNullable(config.accountId()));
                TokenCheck check = CloudflareClient.requireActive(cf.verifyToken(account));
                var acc = cf.resolveAccount(account);
                var report = cf.probePermissions(acc.id(), check.kind());
                items.add(new Item(StepId.VERIFY, "token is active; account " + acc.name()
                        + (report.missing().isEmpty() ? "; all permissions present" : "; MISSING " + report.missing())));
                ProvisionResult r = new Provisioner(cf).ensure(acc.id(), ResourceManifest.standard(options.prefix()), true);
                r.kv().forEach(k -> items.add(new Item(StepId.PROVISION, k.action().json() + " KV namespace " + k.title())));
                r.r2().forEach(b -> items.add(new Item(StepId.PROVISION, b.action().json() + " R2 bucket " + b.name())));
                items.add(new Item(StepId.SUBDOMAIN, cf.workersSubdomain(acc.id())
                        .map(sub -> "use " + sub + ".workers.dev").orElse("STOP: the account has no workers.dev subdomain yet")));
            }
        }
        items.add(new Item(StepId.FETCH, "fetch the engine from " + describe(BundleSource.parse(options.source()))));
        boolean hasKeys = secrets.get(options.name(), SecretKind.API_KEY).isPresent();
        items.add(new Item(StepId.KEYS, hasKeys ? "keep this install's keys" : "generate an api key and an encryption key"));
        if (options.target() == Target.CLOUDFLARE) {
            String prefix = config.resources().prefix() != null ? config.resources().prefix() : options.prefix();
            items.add(new Item(StepId.DEPLOY, "deploy " + WorkerNames.deployed("arcrun-registry", prefix) + ", then "
                    + WorkerNames.deployed(DeployStep.PUBLIC_WORKER, prefix) + ", with their secrets"));
        } else {
            items.add(new Item(StepId.START, "start the engine with wrangler dev on 127.0.0.1, with its keys"));
        }
        items.add(new Item(StepId.SEED, "load the bundle's recipes and component contracts"));
        items.add(new Item(StepId.CONFIG, (existing.isPresent() ? "update " : "create ") + store.file(options.name())));
        return items;
    }

    private static String describe(BundleSource source) {
        return switch (source) {
            case BundleSource.Remote r -> r.url().toString();
            case BundleSource.LocalFile f -> f.file().toString();
            case BundleSource.Builtin b -> "the engine built into this app";
        };
    }
}
