package dev.arcrun.app.dashboard;

import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.TraceStep;

/** One row of the trace table, ready to show: the step's output, or its error when it failed. */
public record TraceRow(String step, String component, StepStatus status, long durationMs, String detail) {
    private static final int MAX_DETAIL = 200;

    static TraceRow of(TraceStep s) {
        String detail = s.status() == StepStatus.ERROR && s.error() != null
                ? s.error().message() + (s.error().code() == null ? "" : " (" + s.error().code() + ")")
                : JsonText.oneLine(s.output(), MAX_DETAIL);
        return new TraceRow(s.step(), s.component(), s.status() == null ? StepStatus.SKIPPED : s.status(), s.durationMs(), detail);
    }
}
