package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects each step's result for the final summary and for {@code --json}. */
final class RunReport implements InstallListener {
    private record StepLine(String status, String text) {}

    private final Map<StepId, StepLine> steps = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void on(InstallEvent event) {
        switch (event) {
            case InstallEvent.Succeeded s -> steps.put(s.step(), new StepLine("succeeded", s.summary()));
            case InstallEvent.Skipped s -> steps.put(s.step(), new StepLine("skipped", s.reason()));
            case InstallEvent.Failed f -> steps.put(f.step(), new StepLine("failed", f.cause()));
            case InstallEvent.Warning w -> warnings.add(w.message() + (w.advice().isEmpty() ? "" : " " + w.advice()));
            default -> { }
        }
    }

    synchronized ObjectNode json(ObjectMapper json, String name, String target, PipelineOutcome outcome, String engineUrl) {
        ObjectNode root = json.createObjectNode();
        root.put("name", name).put("target", target);
        switch (outcome) {
            case PipelineOutcome.Completed c -> root.put("outcome", "completed");
            case PipelineOutcome.Failed f -> root.put("outcome", "failed").put("failed_step", key(f.step()))
                    .put("cause", f.cause()).put("advice", f.advice());
            case PipelineOutcome.Cancelled c -> root.put("outcome", "cancelled").put("failed_step", key(c.step()));
        }
        root.put("engine_url", engineUrl);
        ArrayNode arr = root.putArray("steps");
        steps.forEach((id, line) -> arr.addObject().put("step", key(id)).put("status", line.status()).put("summary", line.text()));
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        return root;
    }

    static String key(StepId id) {
        return id.name().toLowerCase(Locale.ROOT);
    }
}
