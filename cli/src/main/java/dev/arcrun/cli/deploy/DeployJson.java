package dev.arcrun.cli.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.deploy.DeployReport;
import dev.arcrun.core.deploy.WorkerOutcome;

/**
 * {@code arcrun deploy --json}: {"workers":[{"name","status":"deployed|failed|not-run","url","version_id","exit_code"}]};
 * a worker that failed or did not run also has its {@code reason_code} (stable, never the locale's words).
 */
final class DeployJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployJson() {
    }

    static String render(DeployReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode workers = root.putArray("workers");
        for (WorkerOutcome w : report.workers()) {
            ObjectNode o = workers.addObject();
            o.put("name", w.name());
            switch (w) {
                case WorkerOutcome.Deployed d -> {
                    o.put("status", "deployed");
                    o.put("url", d.url().orElse(null));
                    o.put("version_id", d.versionId().orElse(null));
                    o.putNull("exit_code");
                }
                case WorkerOutcome.Failed f -> {
                    o.put("status", "failed");
                    o.putNull("url");
                    o.putNull("version_id");
                    if (f.exitCode().isPresent()) o.put("exit_code", f.exitCode().getAsInt());
                    else o.putNull("exit_code");
                    o.put("reason_code", f.reason().code().id());
                }
                case WorkerOutcome.NotRun n -> {
                    o.put("status", "not-run");
                    o.putNull("url");
                    o.putNull("version_id");
                    o.putNull("exit_code");
                    o.put("reason_code", n.reason().code().id());
                }
            }
        }
        return root.toString();
    }
}
