package dev.arcrun.app.cloudflare;

import dev.arcrun.core.install.PipelineOutcome;

/** One started pipeline as the install page drives it: core's {@code Installer.Run}, or a test's scripted run. */
public interface InstallRun {
    /** Runs every step (blocking) and says how it ended. */
    PipelineOutcome execute();

    /** From another thread: stops the running step; the install stays resumable. */
    void cancel();

    /** The install's name, under which its config is stored. */
    String installName();
}
