package dev.arcrun.app.home;

import dev.arcrun.app.shell.AppContext;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.core.local.LocalStatus;
import java.util.function.Consumer;

/**
 * "Start on this computer": the same install pipeline as {@code arcrun install --target local}. The first time it
 * installs the toolchain, starts the engine, takes its keys and loads the seeds; later it finds everything in place
 * and only makes sure the engine runs.
 */
public final class LocalStart implements HomeViewModel.LocalEngineStarter, dev.arcrun.app.common.LocalEngineControl {
    private final AppContext context;
    /** Whether the engine was not running before this app started it: only then does quitting the app stop it. */
    private volatile boolean startedHere;

    public LocalStart(AppContext context) {
        this.context = context;
    }

    @Override
    public HomeViewModel.LocalRun prepare(InstallListener listener) {
        LocalEngine engine = LocalEngine.forInstall(context.home(), LocalEngine.DEFAULT_INSTALL);
        Installer.Run run = context.installer().install(InstallOptions.of(Target.LOCAL), listener);
        return new HomeViewModel.LocalRun() {
            @Override
            public PipelineOutcome execute() {
                boolean wasRunning = engine.status() instanceof LocalStatus.Running;
                PipelineOutcome outcome = run.execute();
                if (outcome instanceof PipelineOutcome.Completed) {
                    startedHere |= !wasRunning && engine.status() instanceof LocalStatus.Running;
                }
                return outcome;
            }

            @Override
            public void cancel() {
                run.cancel();
            }
        };
    }

    @Override
    public java.util.Optional<String> runningUrl() {
        return LocalEngine.forInstall(context.home(), LocalEngine.DEFAULT_INSTALL).status() instanceof LocalStatus.Running r
                ? java.util.Optional.of(r.url()) : java.util.Optional.empty();
    }

    /** The dashboard's Start: the same pipeline, its steps' titles as the only progress; returns the engine's URL. */
    @Override
    public String start(Consumer<String> progress) {
        PipelineOutcome outcome = prepare(event -> {
            if (event instanceof InstallEvent.Started s) {
                progress.accept(context.i18n().core().step(s.step()) + "…");
            }
        }).execute();
        return switch (outcome) {
            case PipelineOutcome.Completed c -> c.engineUrl();
            case PipelineOutcome.Failed f -> throw new UserFacingException(f.cause(), f.advice());
            case PipelineOutcome.Cancelled c -> throw new UserFacingException(Failure.of(Failure.Code.CANCELLED), Advice.of(Advice.Code.LOCAL_LOG));
        };
    }

    /**
     * On quit: stops the engine if this app started it ("runs here while the app is open"); an engine that was
     * already running (started by the CLI, or by an earlier session kept in the background) keeps running.
     *
     * @return whether an engine was stopped
     */
    @Override
    public boolean stop() {
        startedHere = false;
        return LocalEngine.forInstall(context.home(), LocalEngine.DEFAULT_INSTALL).stop();
    }

    @Override
    public boolean startedHere() {
        return startedHere;
    }

    public boolean stopIfStartedHere() {
        if (!startedHere) {
            return false;
        }
        startedHere = false;
        return LocalEngine.forInstall(context.home(), LocalEngine.DEFAULT_INSTALL).stop();
    }
}
