package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/** {@code /webhooks/named}: stored workflows, and running them. */
public final class WorkflowsApi {
    private final EngineHttp http;
    private final Duration runTimeout;

    WorkflowsApi(EngineHttp http, Duration runTimeout) {
        this.http = http;
        this.runTimeout = runTimeout;
    }

    /** Stores a workflow document ({@code {name, description, steps}}) under its own name. */
    public String push(JsonNode workflow) {
        String name = workflow.path("name").asText("");
        if (name.isBlank()) {
            throw new ArcrunException(ArcrunException.Kind.WORKFLOW_UNNAMED, "", "The workflow has no name.", "Add a \"name\" field to the workflow document.");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", name);
        body.set("workflow", workflow);
        http.send("POST", "/webhooks/named", body, true);
        return name;
    }

    /** Every stored workflow, page after page (one engine call per 1,000). */
    public List<WorkflowSummary> list() {
        return Pages.all(cursor -> page(null, cursor, null));
    }

    /**
     * One page of the workflows in name order.
     *
     * @param limit  at most this many (1 to 1,000; null: the engine's default, 1,000)
     * @param cursor the previous page's {@link Page#cursor()}, or null for the first page
     * @param prefix only names starting with this (finding one by name without listing all), or null
     */
    public Page<WorkflowSummary> page(Integer limit, String cursor, String prefix) {
        String path = Pages.query("/webhooks/named", limit, cursor, prefix);
        return Json.pageOf(http.get(path, true), "workflows", WorkflowSummary.class, "GET /webhooks/named");
    }

    /** Every workflow whose name starts with {@code prefix}, in pages of {@code limit} (null: 1,000). */
    public List<WorkflowSummary> all(Integer limit, String prefix) {
        return Pages.all(cursor -> page(limit, cursor, prefix));
    }

    /** The workflow document as stored. */
    public JsonNode get(String name) {
        return Json.unwrap(http.get(path(name), true), "workflow");
    }

    public void delete(String name) {
        http.send("DELETE", path(name), null, true);
    }

    /** Runs the workflow and waits for its result; a failed step is a result with {@code success=false}, not an exception. */
    public RunResult run(String name, JsonNode input) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("input", input == null ? JsonNodeFactory.instance.objectNode() : input);
        String path = path(name) + "/trigger";
        // A run whose step failed still has a run id and a trace, whatever status the engine answers with.
        JsonNode answer = http.send("POST", path, body, true, runTimeout, b -> b.has("run_id") && b.has("trace"));
        return Json.as(answer, RunResult.class, "POST " + path);
    }

    private static String path(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A workflow needs a name.");
        }
        return "/webhooks/named/" + EngineHttp.segment(name);
    }
}
