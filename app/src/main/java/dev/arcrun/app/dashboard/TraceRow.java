package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.sdk.StepError;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.TraceStep;

/**
 * One step of a run's trace, ready to show: a one-line detail (the output, or the error when it failed) and the
 * step's input and output as the engine returned them, for the timeline's JSON tree and "Copy as JSON".
 */
public record TraceRow(String step, String component, StepStatus status, long durationMs, String detail,
                       JsonNode input, JsonNode output, StepError error) {
    private static final int MAX_DETAIL = 200;

    static TraceRow of(TraceStep s) {
        String detail = s.status() == StepStatus.ERROR && s.error() != null
                ? s.error().message() + (s.error().code() == null ? "" : " (" + s.error().code() + ")")
                : JsonText.oneLine(s.output(), MAX_DETAIL);
        return new TraceRow(s.step(), s.component(), s.status() == null ? StepStatus.SKIPPED : s.status(), s.durationMs(),
                detail, s.input(), s.output(), s.error());
    }

    /** The step as one JSON document, in the engine's own field names (what "Copy as JSON" puts on the clipboard). */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("step", step);
        o.put("component", component);
        o.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        o.put("duration_ms", durationMs);
        o.set("input", input);
        o.set("output", output);
        if (error == null) {
            o.putNull("error");
        } else {
            o.putObject("error").put("code", error.code()).put("message", error.message());
        }
        return o;
    }
}
