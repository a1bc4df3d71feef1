package dev.arcrun.core.install;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.deploy.LogLine;

/** What a running step may say while it works. Bound to the step, so steps never name themselves. */
public interface StepReporter {
    void progress(double fraction, Note note);

    default void progress(double fraction, Note.Code code, Object... args) {
        progress(fraction, Note.of(code, args));
    }

    /** A download's bytes so far (the toolchain's Node.js and npm), as numbers the face words beside the note. */
    void transfer(Note note, InstallEvent.Transfer transfer);

    /** A line of a tool (npm, wrangler, the local engine) or of Arcrun's own, with its fact when it has one. */
    void log(LogLine line);

    void warn(Failure problem, Advice advice);

    /** True once the user asked to cancel; long steps check it between units of work. */
    boolean cancelled();

    static StepReporter of(StepId step, InstallListener listener, java.util.function.BooleanSupplier cancelled) {
        return new StepReporter() {
            @Override public void progress(double fraction, Note note) {
                listener.on(new InstallEvent.Progress(step, fraction, note));
            }

            @Override public void transfer(Note note, InstallEvent.Transfer transfer) {
                listener.on(InstallEvent.Progress.of(step, note, transfer));
            }

            @Override public void log(LogLine line) {
                listener.on(new InstallEvent.Log(step, line.worker(), line.text(), line.level(), line.note()));
            }

            @Override public void warn(Failure problem, Advice advice) {
                listener.on(new InstallEvent.Warning(step, problem, advice));
            }

            @Override public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
