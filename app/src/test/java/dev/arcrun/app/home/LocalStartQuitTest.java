package dev.arcrun.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Runs here while the app is open", against the real engine: quitting stops an engine the app started, and leaves
 * one that was already running (started by the CLI) running.
 */
class LocalStartQuitTest {
    @TempDir
    Path root;

    private AppContext context() {
        AppHome home = new AppHome(root);
        FileSecretStore secrets = new FileSecretStore(home, "test");
        return new AppContext(home, new CurrentThreadTaskExecutor(), Runnable::run, new I18n(Locale.ENGLISH),
                () -> secrets, ToolchainManager::forTests, Map.of());
    }

    private LocalEngine engine() {
        return LocalEngine.forInstall(new AppHome(root), LocalEngine.DEFAULT_INSTALL);
    }

    @Test
    void quittingStopsTheEngineTheAppStartedButNotOneTheCliStarted() {
        AppContext context = context();
        try {
            LocalStart app = new LocalStart(context);
            String url = app.start(progress -> { });
            assertThat(engine().status()).isInstanceOfSatisfying(LocalStatus.Running.class,
                    r -> assertThat(r.url()).isEqualTo(url));

            assertThat(app.stopIfStartedHere()).as("the app started it").isTrue();
            assertThat(engine().status()).isInstanceOf(LocalStatus.Stopped.class);

            // now the CLI starts it (arcrun install --target local), and the app only finds it running
            PipelineOutcome cli = new Installer(context.home(), context.secrets().get(), ToolchainManager.forTests(), Map.of())
                    .install(InstallOptions.of(Target.LOCAL), e -> { }).execute();
            assertThat(cli).isInstanceOf(PipelineOutcome.Completed.class);
            LocalStart secondSession = new LocalStart(context);
            secondSession.start(progress -> { });

            assertThat(secondSession.stopIfStartedHere()).as("started by the CLI: keeps running").isFalse();
            assertThat(engine().status()).isInstanceOf(LocalStatus.Running.class);
        } finally {
            engine().stop();
        }
    }
}
