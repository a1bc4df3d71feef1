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

    /** The latest runs (the engine's first page: 50), newest first. */
    public List<RunSummary> list() {
        return list(null);
    }

    /** The latest runs (the engine's first page: 50) of one workflow, or of all when {@code workflow} is null; newest first. */
    public List<RunSummary> list(String workflow) {
        return page(workflow, null, null).items();
    }

    /**
     * One page of runs, newest first.
     *
     * @param workflow only this workflow's runs, or null for all
     * @param limit    at most this many (1 to 1,000; null: 50)
     * @param cursor   the previous page's {@link Page#cursor()}, or null for the first page
     */
    public Page<RunSummary> page(String workflow, Integer limit, String cursor) {
        String base = workflow == null || workflow.isBlank() ? "/runs" : "/runs?workflow=" + EngineHttp.segment(workflow);
        String path = Pages.query(base, limit, cursor, null);
        return Json.pageOf(http.get(path, true), "runs", RunSummary.class, "GET /runs");
    }

    /** Every run kept (of one workflow, or all), newest first down to the oldest, in pages of {@code limit} (null: 1,000). */
    public List<RunSummary> all(String workflow, Integer limit) {
        return Pages.all(cursor -> page(workflow, limit == null ? Pages.MAX_LIMIT : limit, cursor));
    }
}
