package dev.arcrun.core.install;

/** What a running step may say while it works. Bound to the step, so steps never name themselves. */
public interface StepReporter {
    void progress(double fraction, String message);

    /** A download's bytes so far (the toolchain's Node.js and npm), as numbers the face words. */
    void transfer(InstallEvent.Transfer transfer);

    void log(String source, String text, boolean error);

    void warn(String message, String advice);

    /** True once the user asked to cancel; long steps check it between units of work. */
    boolean cancelled();

    static StepReporter of(StepId step, InstallListener listener, java.util.function.BooleanSupplier cancelled) {
        return new StepReporter() {
            @Override public void progress(double fraction, String message) {
                listener.on(new InstallEvent.Progress(step, fraction, message));
            }

            @Override public void transfer(InstallEvent.Transfer transfer) {
                listener.on(InstallEvent.Progress.of(step, transfer));
            }

            @Override public void log(String source, String text, boolean error) {
                listener.on(new InstallEvent.Log(step, source, text, error));
            }

            @Override public void warn(String message, String advice) {
                listener.on(new InstallEvent.Warning(step, message, advice));
            }

            @Override public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
