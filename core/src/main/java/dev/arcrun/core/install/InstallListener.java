package dev.arcrun.core.install;

/** Receives pipeline events; called from the pipeline's thread, so a UI must hand them to its own thread. */
@FunctionalInterface
public interface InstallListener {
    void on(InstallEvent event);

    InstallListener NONE = e -> {};
}
