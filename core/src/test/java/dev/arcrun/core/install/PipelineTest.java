package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

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
            @Override public StepResult run(StepReporter r) { executed.add(id); return StepResult.done(id + " ok"); }
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
        assertThat(outcome).isEqualTo(new PipelineOutcome.Completed(List.of(StepId.VERIFY, StepId.PROVISION), List.of()));
        assertThat(journal.done).containsExactly(StepId.VERIFY, StepId.PROVISION);
        assertThat(events).hasSize(4).first().isEqualTo(new InstallEvent.Started(StepId.VERIFY));
    }

    @Test
    void failureStopsThePipelineWithTheAdviceAndResumeSkipsFinishedSteps() {
        var boom = new UserFacingException("R2 answered 500.", "Try again in a minute.");
        var first = new Pipeline(events::add).run(
                List.of(step(StepId.VERIFY), failing(StepId.PROVISION, boom), step(StepId.DEPLOY)), journal);
        assertThat(first).isEqualTo(new PipelineOutcome.Failed(StepId.PROVISION, "R2 answered 500.", "Try again in a minute."));
        assertThat(executed).containsExactly(StepId.VERIFY, StepId.PROVISION);
        assertThat(first.success()).isFalse();

        executed.clear();
        var second = new Pipeline(events::add).run(
                List.of(step(StepId.VERIFY), step(StepId.PROVISION), step(StepId.DEPLOY)), journal);
        assertThat(executed).containsExactly(StepId.PROVISION, StepId.DEPLOY);
        assertThat(second).isEqualTo(new PipelineOutcome.Completed(
                List.of(StepId.PROVISION, StepId.DEPLOY), List.of(StepId.VERIFY)));
    }

    @Test
    void aStepThatFindsNothingToDoIsReportedSkippedWithItsReason() {
        InstallStep upToDate = new InstallStep() {
            @Override public StepId id() { return StepId.DEPLOY; }
            @Override public StepResult run(StepReporter r) { return StepResult.skipped("engine 0.1.0 is already deployed"); }
        };
        var outcome = new Pipeline(events::add).run(List.of(upToDate), journal);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Completed(List.of(), List.of(StepId.DEPLOY)));
        assertThat(events).contains(new InstallEvent.Skipped(StepId.DEPLOY, "engine 0.1.0 is already deployed"));
        assertThat(journal.done).containsExactly(StepId.DEPLOY);
    }

    @Test
    void unexpectedExceptionIsAFailureNeverASuccess() {
        var outcome = new Pipeline(events::add).run(
                List.of(failing(StepId.FETCH, new IllegalStateException("disk full"))), journal);
        assertThat(outcome).isInstanceOf(PipelineOutcome.Failed.class);
        assertThat(journal.done).isEmpty();
        assertThat(events).last().isInstanceOf(InstallEvent.Failed.class);
    }

    @Test
    void cancelDuringAStepEndsCancelledAndDoesNotMarkTheStep() {
        var pipeline = new Pipeline(events::add);
        InstallStep cancelling = new InstallStep() {
            @Override public StepId id() { return StepId.DEPLOY; }
            @Override public StepResult run(StepReporter r) { pipeline.cancel(); return StepResult.done("deployed"); }
        };
        var outcome = pipeline.run(List.of(cancelling, step(StepId.SEED)), journal);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Cancelled(StepId.DEPLOY));
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
                throw new UserFacingException("wrangler stopped (exit code 143).", "See the log.");
            }
        };
        assertThat(pipeline.run(List.of(killed), journal)).isEqualTo(new PipelineOutcome.Cancelled(StepId.DEPLOY));
        assertThat(events).noneMatch(e -> e instanceof InstallEvent.Failed f && f.cause().startsWith("wrangler"));
    }

    private static final class MemoryJournal implements Pipeline.StepJournal {
        final List<StepId> done = new ArrayList<>();

        @Override public Set<StepId> finished() {
            return done.isEmpty() ? EnumSet.noneOf(StepId.class) : EnumSet.copyOf(done);
        }

        @Override public void markFinished(StepId step, boolean skipped) { done.add(step); }
    }
}
