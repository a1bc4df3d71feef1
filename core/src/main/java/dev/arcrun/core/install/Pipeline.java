package dev.arcrun.core.install;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
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
        return run(steps, journal, () -> null);
    }

    /** @param engineUrl read after the last step: where the engine now answers */
    public PipelineOutcome run(List<InstallStep> steps, StepJournal journal, java.util.function.Supplier<String> engineUrl) {
        List<StepId> ran = new ArrayList<>();
        List<StepId> skipped = new ArrayList<>();
        Set<StepId> done = journal.finished();
        for (InstallStep step : steps) {
            StepId id = step.id();
            if (done.contains(id)) {
                listener.on(new InstallEvent.Skipped(id, Note.of(Note.Code.DONE_EARLIER)));
                skipped.add(id);
                continue;
            }
            if (cancel.get()) {
                return cancelled(id);
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
            } catch (UserFacingException e) {
                if (cancel.get()) {
                    return cancelled(id); // the step failed because the user stopped it (e.g. wrangler was killed)
                }
                return failed(id, e.failure(), e.adviceFact());
            } catch (ArcrunException e) {
                if (cancel.get()) {
                    return cancelled(id);
                }
                // the SDK's failures (an engine call) come worded in English: as core's facts, the faces word them
                UserFacingException facts = dev.arcrun.core.engineclient.SdkFailures.facts(e);
                return failed(id, facts.failure(), facts.adviceFact());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return cancelled(id);
            } catch (Exception e) {
                if (cancel.get()) {
                    return cancelled(id);
                }
                // Not a rule we know: its technical message is all there is; finished steps stay done.
                return failed(id, Failure.of(Failure.Code.UNEXPECTED,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), Advice.of(Advice.Code.RESUME));
            }
        }
        return new PipelineOutcome.Completed(List.copyOf(ran), List.copyOf(skipped), engineUrl.get());
    }

    private PipelineOutcome failed(StepId id, Failure cause, Advice advice) {
        listener.on(new InstallEvent.Failed(id, cause, advice));
        return new PipelineOutcome.Failed(id, cause, advice);
    }

    private PipelineOutcome cancelled(StepId id) {
        listener.on(new InstallEvent.Cancelled(id));
        return new PipelineOutcome.Cancelled(id);
    }
}
