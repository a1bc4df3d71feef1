package dev.arcrun.core.install;

import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.core.UserFacingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs steps in order, emits their events, and records each finished step through {@link StepJournal} before the
 * next one starts, so a failure or a killed process resumes after the last finished step.
 */
public final class Pipeline {

    /** Where finished steps are remembered (the install's state file). */
    public interface StepJournal {
        Set<StepId> finished();

        /** Called once the step succeeded ({@code skipped} false) or found nothing to do ({@code skipped} true). */
        void markFinished(StepId step, boolean skipped);
    }

    private final InstallListener listener;
    private final AtomicBoolean cancel = new AtomicBoolean();

    public Pipeline(InstallListener listener) {
        this.listener = listener;
    }

    /** Asks the running step to stop at its next check; the pipeline then ends as {@link PipelineOutcome.Cancelled}. */
    public void cancel() {
        cancel.set(true);
    }

    public PipelineOutcome run(List<InstallStep> steps, StepJournal journal) {
        List<StepId> ran = new ArrayList<>();
        List<StepId> skipped = new ArrayList<>();
        Set<StepId> done = journal.finished();
        for (InstallStep step : steps) {
            StepId id = step.id();
            if (done.contains(id)) {
                listener.on(new InstallEvent.Skipped(id, "done in an earlier run"));
                skipped.add(id);
                continue;
            }
            if (cancel.get()) {
                return new PipelineOutcome.Cancelled(id);
            }
            listener.on(new InstallEvent.Started(id));
            long start = System.nanoTime();
            try {
                StepResult result = step.run(StepReporter.of(id, listener, cancel::get));
                if (cancel.get()) {
                    return cancelled(id);
                }
                switch (result) {
                    case StepResult.Done d -> {
                        journal.markFinished(id, false);
                        listener.on(new InstallEvent.Succeeded(id, d.summary(), Duration.ofNanos(System.nanoTime() - start)));
                        ran.add(id);
                    }
                    case StepResult.Skipped s -> {
                        journal.markFinished(id, true);
                        listener.on(new InstallEvent.Skipped(id, s.reason()));
                        skipped.add(id);
                    }
                }
            } catch (CancellationException e) {
                return cancelled(id);
            } catch (ArcrunException e) {
                if (cancel.get()) {
                    return cancelled(id); // the step failed because the user stopped it (e.g. wrangler was killed)
                }
                listener.on(new InstallEvent.Failed(id, e.getMessage(), e.advice()));
                return new PipelineOutcome.Failed(id, e.getMessage(), e.advice());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return cancelled(id);
            } catch (Exception e) {
                if (cancel.get()) {
                    return cancelled(id);
                }
                String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                String advice = "Run the install again with --resume; finished steps are not repeated.";
                listener.on(new InstallEvent.Failed(id, cause, advice));
                return new PipelineOutcome.Failed(id, cause, advice);
            }
        }
        return new PipelineOutcome.Completed(List.copyOf(ran), List.copyOf(skipped));
    }

    private PipelineOutcome cancelled(StepId id) {
        listener.on(new InstallEvent.Failed(id, "Cancelled", "Run the install again with --resume to continue."));
        return new PipelineOutcome.Cancelled(id);
    }
}
