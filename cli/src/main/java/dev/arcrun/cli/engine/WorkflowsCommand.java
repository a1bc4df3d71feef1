package dev.arcrun.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.cli.UsageException;
import dev.arcrun.cli.i18n.CliProblem;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.workflow.JsonDocument;
import dev.arcrun.core.workflow.WorkflowFile;
import dev.arcrun.sdk.Page;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "workflows", mixinStandardHelpOptions = true, description = "Workflows stored in the engine, and running them.")
public final class WorkflowsCommand {
    @Spec CommandSpec spec;
    @Mixin EngineOptions engine;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored workflows (the first 1,000 by name; --all for every one).")
    int list(@Option(names = "--json", description = "Print JSON only.") boolean json,
             @Option(names = "--all", description = "List every workflow, page after page.") boolean all,
             @Option(names = "--prefix", paramLabel = "TEXT", description = "Only workflows whose name starts with TEXT.") String prefix,
             @Option(names = "--limit", paramLabel = "N", description = "At most N per page (1-1000).") Integer limit) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), Words.current().get("engine.limit_range"));
        }
        Page<WorkflowSummary> page = engine.call(spec, c -> all
                ? new Page<>(c.workflows().all(limit, prefix), null, false) : c.workflows().page(limit, null, prefix));
        List<WorkflowSummary> workflows = page.items();
        PrintWriter out = spec.commandLine().getOut();
        Words words = Words.current();
        if (json) {
            Output.json(out, Output.fields("workflows", workflows, "truncated", page.hasMore()));
            return 0;
        }
        if (workflows.isEmpty() && prefix != null) {
            out.println(words.get("workflows.none_with_prefix", prefix));
            return 0;
        }
        if (workflows.isEmpty()) {
            out.println(words.get("workflows.none"));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (WorkflowSummary w : workflows) {
            rows.add(List.of(w.name(), String.valueOf(w.steps()), Output.time(w.updatedAt()), Output.cell(w.description(), 60)));
        }
        Output.table(out, List.of(words.get("table.name"), words.get("table.steps"), words.get("table.updated"),
                words.get("table.description")), rows);
        if (page.hasMore()) out.println(words.get("workflows.more"));
        return 0;
    }

    @Command(name = "push", mixinStandardHelpOptions = true, description = "Store a workflow document ({name, description, steps}) from a JSON file.")
    int push(@Parameters(paramLabel = "FILE") Path file) {
        JsonNode doc = readJson(file);
        String name = engine.call(spec, c -> c.workflows().push(doc));
        spec.commandLine().getOut().println(Words.current().get("workflows.pushed", name));
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored workflow.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        engine.run(spec, c -> c.workflows().delete(name));
        spec.commandLine().getOut().println(Words.current().get("workflows.deleted", name));
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {"Run a stored workflow and show its trace.",
            "Exits 1 when a step failed (the trace says which and why)."})
    int run(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--input", paramLabel = "JSON", description = "The run's input, a JSON object (default {}); - reads it from stdin.") String input,
            @Option(names = "--input-file", paramLabel = "FILE", description = "Read the run's input from FILE.") Path inputFile,
            @Option(names = "--json", description = "Print {success, run_id, output, trace} as JSON only.") boolean json) {
        if (input != null && inputFile != null) {
            throw new UsageException("workflows.input_twice");
        }
        JsonNode in = inputFile != null ? readInputFile(inputFile)
                : input == null ? null
                : input.equals("-") ? parseInput(SecretInput.all(), "--input - (stdin)") : parseInput(input, "--input");
        String[] failure = new String[1];
        RunResult result = engine.call(spec, c -> {
            RunResult r = c.workflows().run(name, in);
            if (!json && r.error() != null) {
                failure[0] = RunFailures.describe(c, r, Words.current().core().locale());
            }
            return r;
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("success", result.success());
            doc.put("run_id", result.runId());
            doc.put("output", result.output());
            doc.put("trace", result.trace());
            if (result.error() != null) {
                doc.put("error", result.error());
            }
            Output.json(out, doc);
        } else {
            TraceTable.print(out, Words.current(), name, result, failure[0]);
        }
        return result.success() ? 0 : 1;
    }

    /** A run's input file: the same size and JSON checks as the app's, from core; bad input is a usage error (exit 2). */
    private static JsonNode readInputFile(Path file) {
        String from = "--input-file " + file;
        return switch (WorkflowFile.read(file)) {
            case WorkflowFile.Good g -> g.value();
            case WorkflowFile.TooLarge t -> throw new UsageException("workflows.input_too_large", file, megabytes(t));
            case WorkflowFile.Missing m -> throw new UsageException("workflows.input_missing", file);
            case WorkflowFile.Unreadable u -> throw new CliProblem("workflows.unreadable", null, file, u.reason());
            case WorkflowFile.NotJson n -> throw inputProblem(n.why(), from);
        };
    }

    /** Bad input is a usage error (exit 2) that says where the JSON breaks. */
    private static JsonNode parseInput(String input, String from) {
        JsonDocument.Parsed parsed = JsonDocument.parseObject(input);
        if (parsed instanceof JsonDocument.Good g) {
            return g.value();
        }
        throw inputProblem(parsed, from);
    }

    private static UsageException inputProblem(JsonDocument.Parsed why, String from) {
        return switch (why) {
            case JsonDocument.Bad b -> b.line() == 0 ? new UsageException("workflows.input_not_json", from, b.reason())
                    : new UsageException("workflows.input_not_json_at", from, b.reason(), lineOf(b), columnOf(b));
            default -> new UsageException("workflows.input_not_object", from);
        };
    }

    /** Line and column as plain digits (a MessageFormat number would be grouped: 1,234). */
    private static String lineOf(JsonDocument.Bad b) {
        return String.valueOf(b.line());
    }

    private static String columnOf(JsonDocument.Bad b) {
        return String.valueOf(b.column());
    }

    private static String megabytes(WorkflowFile.TooLarge t) {
        return String.format(Locale.ROOT, "%.1f", t.bytes() / 1e6);
    }

    private static JsonNode readJson(Path file) {
        return switch (WorkflowFile.read(file)) {
            case WorkflowFile.Good g -> g.value();
            case WorkflowFile.TooLarge t -> throw new UsageException("workflows.file_too_large", file, megabytes(t));
            case WorkflowFile.Missing m -> throw new CliProblem("workflows.file_missing", "workflows.file_missing.advice", file);
            case WorkflowFile.Unreadable u -> throw new CliProblem("workflows.unreadable", null, file, u.reason());
            case WorkflowFile.NotJson(JsonDocument.Bad b) -> throw b.line() == 0
                    ? new CliProblem("workflows.file_not_json", "workflows.file_not_json.advice", file, b.reason())
                    : new CliProblem("workflows.file_not_json_at", "workflows.file_not_json.advice", file, b.reason(), lineOf(b), columnOf(b));
            case WorkflowFile.NotJson n -> throw new CliProblem("workflows.not_document", "workflows.not_document.advice", file);
        };
    }
}
