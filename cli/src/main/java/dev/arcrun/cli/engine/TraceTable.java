package dev.arcrun.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.TraceStep;
import dev.arcrun.cli.i18n.Words;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A run's trace as a table a person can read: one row per step, then the output or the error. */
final class TraceTable {
    private TraceTable() {}

    /** @param failure the run's failure in words ({@link EngineFailureText}); unused when the run succeeded */
    static void print(PrintWriter out, Words words, String workflow, RunResult r, String failure) {
        List<List<String>> rows = new ArrayList<>();
        for (TraceStep s : r.trace()) {
            rows.add(List.of(s.step(), s.component(), status(s.status()), s.durationMs() + " ms", Output.cell(detail(s), 70)));
        }
        out.println(words.get(r.success() ? "trace.run" : "trace.run_failed", r.runId(), workflow));
        Output.table(out, List.of(words.get("table.step"), words.get("table.component"), words.get("table.status"),
                words.get("table.time"), words.get("table.output_error")), rows);
        if (r.success()) {
            out.println(words.get("trace.output", compact(r.output())));
        } else if (r.error() != null) {
            out.println(words.get("trace.error_at", r.error().step(), failure));
        }
        out.flush();
    }

    private static String status(StepStatus s) {
        return s == null ? "?" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String detail(TraceStep s) {
        if (s.status() == StepStatus.ERROR && s.error() != null) {
            return s.error().message() + " (" + s.error().code() + ")";
        }
        return s.status() == StepStatus.SKIPPED ? "" : compact(s.output());
    }

    static String compact(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "null";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }
}
