package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private final List<InstallEvent> events = new ArrayList<>();
    private final List<StepId> executed = new ArrayList<>();
    private final MemoryJournal journal = new MemoryJournal();

    private InstallStep step(StepId id) {
        return new InstallStep() {
            @Override public StepId id() { return id; }
            @Override public StepResult run(StepReporter r) { executed.add(id); return StepResult.done(Note.Code.DISCOVERED, id); }
        };
    }

    private InstallStep failing(StepId id, RuntimeException e) {
        return new InstallStep() {
            @Override public StepId id() { return id; }
            @Override public StepResult run(StepReporter r) { executed.add(id); throw e; }
        };
    }

    @Test
    void runsStepsInOrderAndRecordsEachBeforeTheNext() {
        var outcome = new Pipeline(events::add).run(List.of(step(StepId.VERIFY), step(StepId.PROVISION)), journal);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Completed(List.of(StepId.VERIFY, StepId.PROVISION), List.of(), null));
        assertThat(journal.done).containsExactly(StepId.VERIFY, StepId.PROVISION);
        assertThat(events).hasSize(4).first().isEqualTo(new InstallEvent.Started(StepId.VERIFY));
    }

    @Test
    void failureStopsThePipelineWithTheAdviceAndResumeSkipsFinishedSteps() {
        var boom = new UserFacingException(Failure.of(Failure.Code.ENGINE_UNHEALTHY, "https://e.test"), Advice.of(Advice.Code.ENGINE_LOG));
        var first = new Pipeline(events::add).run(
                List.of(step(StepId.VERIFY), failing(StepId.PROVISION, boom), step(StepId.DEPLOY)), journal);
        assertThat(first).isEqualTo(new PipelineOutcome.Failed(StepId.PROVISION, boom.failure(), boom.adviceFact()));
        assertThat(executed).containsExactly(StepId.VERIFY, StepId.PROVISION);
        assertThat(first.success()).isFalse();

        executed.clear();
        var second = new Pipeline(events::add).run(
                List.of(step(StepId.VERIFY), step(StepId.PROVISION), step(StepId.DEPLOY)), journal);
        assertThat(executed).containsExactly(StepId.PROVISION, StepId.DEPLOY);
        assertThat(second).isEqualTo(new PipelineOutcome.Completed(
                List.of(StepId.PROVISION, StepId.DEPLOY), List.of(StepId.VERIFY), null));
    }

    @Test
    void aStepThatFindsNothingToDoIsReportedSkippedWithItsReason() {
        InstallStep upToDate = new InstallStep() {
            @Override public StepId id() { return StepId.DEPLOY; }
            @Override public StepResult run(StepReporter r) { return StepResult.skipped(Note.Code.ALREADY_DEPLOYED, "0.1.0"); }
        };
        var outcome = new Pipeline(events::add).run(List.of(upToDate), journal);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Completed(List.of(), List.of(StepId.DEPLOY), null));
        assertThat(events).contains(new InstallEvent.Skipped(StepId.DEPLOY, Note.of(Note.Code.ALREADY_DEPLOYED, "0.1.0")));
        assertThat(journal.done).containsExactly(StepId.DEPLOY);
    }

    @Test
    void unexpectedExceptionIsAFailureNeverASuccess() {
        var outcome = new Pipeline(events::add).run(
                List.of(failing(StepId.FETCH, new IllegalStateException("disk full"))), journal);
        assertThat(outcome).isInstanceOf(PipelineOutcome.Failed.class);
        assertThat(journal.done).isEmpty();
        assertThat(events).last().isEqualTo(new InstallEvent.Failed(StepId.FETCH,
                Failure.of(Failure.Code.UNEXPECTED, "disk full"), Advice.of(Advice.Code.RESUME)));
    }

    @Test
    void theEngineUrlTheStepsRecordedComesWithTheOutcome() {
        var outcome = new Pipeline(events::add).run(List.of(step(StepId.CHECK)), journal, () -> "https://engine.test");
        assertThat(outcome).isEqualTo(new PipelineOutcome.Completed(List.of(StepId.CHECK), List.of(), "https://engine.test"));
    }

    @Test
    void cancelDuringAStepEndsCancelledAndDoesNotMarkTheStep() {
        var pipeline = new Pipeline(events::add);
        InstallStep cancelling = new InstallStep() {
            @Override public StepId id() { return StepId.DEPLOY; }
            @Override public StepResult run(StepReporter r) { pipeline.cancel(); return StepResult.done(Note.Code.DEPLOYED, 2, List.of()); }
        };
        var outcome = pipeline.run(List.of(cancelling, step(StepId.SEED)), journal);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Cancelled(StepId.DEPLOY));
        assertThat(events).last().as("the faces hear a cancel, not a failure").isEqualTo(new InstallEvent.Cancelled(StepId.DEPLOY));
        assertThat(journal.done).isEmpty();
        assertThat(executed).isEmpty();
    }

    @Test
    void aStepThatFailsBecauseItWasCancelledEndsCancelledNotFailed() {
        var pipeline = new Pipeline(events::add);
        InstallStep killed = new InstallStep() {
            @Override public StepId id() { return StepId.DEPLOY; }
            @Override public StepResult run(StepReporter r) {
                pipeline.cancel(); // the user presses Cancel; wrangler dies and the step reports the failure
                throw new UserFacingException(Failure.of(Failure.Code.WORKER_FAILED_EXIT, "arcrun-registry", 143, "", ""), Advice.NONE);
            }
        };
        assertThat(pipeline.run(List.of(killed), journal)).isEqualTo(new PipelineOutcome.Cancelled(StepId.DEPLOY));
        assertThat(events).noneMatch(e -> e instanceof InstallEvent.Failed).last().isEqualTo(new InstallEvent.Cancelled(StepId.DEPLOY));
    }

    private static final class MemoryJournal implements Pipeline.StepJournal {
        final List<StepId> done = new ArrayList<>();

        @Override public Set<StepId> finished() {
            return done.isEmpty() ? EnumSet.noneOf(StepId.class) : EnumSet.copyOf(done);
        }

        @Override public void markFinished(StepId step, boolean skipped) { done.add(step); }
    }
}
