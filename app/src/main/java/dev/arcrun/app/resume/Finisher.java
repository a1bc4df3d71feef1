package dev.arcrun.app.resume;

/** Finishes an unfinished install the way it was started: the Cloudflare wizard, or the start on this computer. */
@FunctionalInterface
public interface Finisher {
    void finish(UnfinishedInstall install);
}
