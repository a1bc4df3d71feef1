package dev.arcrun.sdk;

import java.util.List;

/** {@code /runs}: every run is stored with its trace. */
public final class RunsApi {
    private final EngineHttp http;

    RunsApi(EngineHttp http) {
        this.http = http;
    }

    public RunRecord get(String runId) {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("A run id is needed.");
        }
        String path = "/runs/" + EngineHttp.segment(runId);
        return Json.as(Json.unwrap(http.get(path, true), "run"), RunRecord.class, "GET " + path);
    }

    /** Every run, newest first. */
    public List<RunSummary> list() {
        return list(null);
    }

    /** Runs of one workflow, or of all when {@code workflow} is null; newest first. */
    public List<RunSummary> list(String workflow) {
        String path = workflow == null || workflow.isBlank() ? "/runs" : "/runs?workflow=" + EngineHttp.segment(workflow);
        return Json.listOf(http.get(path, true), "runs", RunSummary.class, "GET " + path);
    }
}
