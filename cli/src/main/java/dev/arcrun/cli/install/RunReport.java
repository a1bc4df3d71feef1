package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects each step's result for {@code --json}: codes, and English wording that does not change with the locale.
 */
final class RunReport implements InstallListener {
    private static final Words JSON_WORDS = Words.ENGLISH;

    private record StepLine(String status, String code, String text) {}

    private final Map<StepId, StepLine> steps = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void on(InstallEvent event) {
        switch (event) {
            case InstallEvent.Succeeded s -> steps.put(s.step(), new StepLine("succeeded", s.summary().code().id(), JSON_WORDS.note(s.summary())));
            case InstallEvent.Skipped s -> steps.put(s.step(), new StepLine("skipped", s.reason().code().id(), JSON_WORDS.note(s.reason())));
            case InstallEvent.Failed f -> steps.put(f.step(), new StepLine("failed", f.cause().code().id(), JSON_WORDS.failure(f.cause())));
            case InstallEvent.Cancelled c -> steps.put(c.step(), new StepLine("cancelled", "cancelled", ""));
            case InstallEvent.Warning w -> warnings.add(JSON_WORDS.join(JSON_WORDS.failure(w.problem()), JSON_WORDS.advice(w.advice())));
            default -> { }
        }
    }

    synchronized ObjectNode json(ObjectMapper json, String name, String target, PipelineOutcome outcome, String engineUrl) {
        ObjectNode root = json.createObjectNode();
        root.put("name", name).put("target", target);
        switch (outcome) {
            case PipelineOutcome.Completed c -> root.put("outcome", "completed");
            case PipelineOutcome.Failed f -> root.put("outcome", "failed").put("failed_step", key(f.step()))
                    .put("cause", JSON_WORDS.failure(f.cause())).put("cause_code", f.cause().code().id())
                    .put("advice", JSON_WORDS.advice(f.advice())).put("advice_code", f.advice().code().id());
            case PipelineOutcome.Cancelled c -> root.put("outcome", "cancelled").put("failed_step", key(c.step()));
        }
        root.put("engine_url", engineUrl);
        ArrayNode arr = root.putArray("steps");
        steps.forEach((id, line) -> arr.addObject().put("step", key(id)).put("status", line.status()).put("code", line.code())
                .put("summary", line.text()));
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        return root;
    }

    static String key(StepId id) {
        return id.id();
    }
}
