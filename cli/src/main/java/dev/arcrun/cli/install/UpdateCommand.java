package dev.arcrun.cli.install;

import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcrun update}: fetch the engine again and redeploy it with the same resources and keys. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Fetch the engine again (or from --source) and redeploy it with the same resources and keys; "
                + "the previous engine is kept for rollback.")
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ChosenInstall install;

    @Option(names = "--source", paramLabel = "SRC", description = "Where to fetch the engine (default: where it came from).")
    String source;

    @Option(names = "--no-wait", description = "Do not wait for the engine to answer after the deploy; ask it once.")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        AppHome home = InstallEnvironment.home();
        String name = install.resolve(home);
        var installer = InstallEnvironment.installer(home, noWait);
        InstallConfig before = installer.store().load(name);
        // The same bundle (sha256) as deployed: the pipeline deploys nothing; say so instead of "Done".
        return PipelineRunner.run(spec, install.json, "arcrun update --install " + name,
                listener -> installer.update(name, source, listener), () -> {
                    InstallConfig after = installer.store().load(name);
                    boolean same = before.bundle() != null && after.bundle() != null
                            && before.bundle().sha256().equals(after.bundle().sha256())
                            && after.history().size() == before.history().size();
                    String version = same ? after.bundle().version() : null;
                    return same ? (Words words) -> words.get("update.unchanged", version) : null;
                });
    }
}
