package dev.arcrun.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.UserFacingException;
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
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit takes a number from 1 to 1000.");
        }
        Page<WorkflowSummary> page = engine.call(spec, c -> all
                ? new Page<>(c.workflows().all(limit, prefix), null, false) : c.workflows().page(limit, null, prefix));
        List<WorkflowSummary> workflows = page.items();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, Map.of("workflows", workflows, "truncated", page.hasMore()));
            return 0;
        }
        if (workflows.isEmpty() && prefix != null) {
            out.println("No workflow's name starts with " + prefix + ".");
            return 0;
        }
        if (workflows.isEmpty()) {
            out.println("No workflows stored. Add one with: arcrun workflows push FILE");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (WorkflowSummary w : workflows) {
            rows.add(List.of(w.name(), String.valueOf(w.steps()), Output.time(w.updatedAt()), Output.cell(w.description(), 60)));
        }
        Output.table(out, List.of("NAME", "STEPS", "UPDATED", "DESCRIPTION"), rows);
        if (page.hasMore()) out.println("More workflows follow. List every one with: arcrun workflows list --all");
        return 0;
    }

    @Command(name = "push", mixinStandardHelpOptions = true, description = "Store a workflow document ({name, description, steps}) from a JSON file.")
    int push(@Parameters(paramLabel = "FILE") Path file) {
        JsonNode doc = readJson(file);
        String name = engine.call(spec, c -> c.workflows().push(doc));
        spec.commandLine().getOut().println("Stored workflow " + name + ". Run it with: arcrun workflows run " + name);
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored workflow.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        engine.run(spec, c -> c.workflows().delete(name));
        spec.commandLine().getOut().println("Deleted workflow " + name + ".");
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {"Run a stored workflow and show its trace.",
            "Exits 1 when a step failed (the trace says which and why)."})
    int run(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--input", paramLabel = "JSON", description = "The run's input, a JSON object (default {}); - reads it from stdin.") String input,
            @Option(names = "--input-file", paramLabel = "FILE", description = "Read the run's input from FILE.") Path inputFile,
            @Option(names = "--json", description = "Print {success, run_id, output, trace} as JSON only.") boolean json) {
        if (input != null && inputFile != null) {
            throw new dev.arcrun.cli.UsageException("Give the input once: --input or --input-file, not both.");
        }
        JsonNode in = inputFile != null ? readInputFile(inputFile)
                : input == null ? null
                : input.equals("-") ? parseInput(SecretInput.all(), "--input - (stdin)") : parseInput(input, "--input");
        String[] failure = new String[1];
        RunResult result = engine.call(spec, c -> {
            RunResult r = c.workflows().run(name, in);
            if (!json && r.error() != null) {
                failure[0] = RunFailures.describe(c, r, Locale.getDefault());
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
            TraceTable.print(out, name, result, failure[0]);
        }
        return result.success() ? 0 : 1;
    }

    /** A run's input file: the same size and JSON checks as the app's, from core; bad input is a usage error (exit 2). */
    private static JsonNode readInputFile(Path file) {
        String from = "--input-file " + file;
        return switch (WorkflowFile.read(file)) {
            case WorkflowFile.Good g -> g.value();
            case WorkflowFile.TooLarge t -> throw new dev.arcrun.cli.UsageException(tooLarge(file, t, "a run's input (--input-file)"));
            case WorkflowFile.Missing m -> throw new dev.arcrun.cli.UsageException("There is no file " + file + " (--input-file).");
            case WorkflowFile.Unreadable u -> throw new UserFacingException("Cannot read " + file + ": " + u.reason() + ".", "");
            case WorkflowFile.NotJson n -> throw new dev.arcrun.cli.UsageException(inputProblem(n.why(), from));
        };
    }

    /** Bad input is a usage error (exit 2) that says where the JSON breaks. */
    private static JsonNode parseInput(String input, String from) {
        JsonDocument.Parsed parsed = JsonDocument.parseObject(input);
        if (parsed instanceof JsonDocument.Good g) {
            return g.value();
        }
        throw new dev.arcrun.cli.UsageException(inputProblem(parsed, from));
    }

    private static String inputProblem(JsonDocument.Parsed why, String from) {
        return switch (why) {
            case JsonDocument.Bad b -> from + " is not valid JSON: " + b.reason() + where(b) + ".";
            default -> from + " must be a JSON object, for example {\"name\":\"Ada\"}.";
        };
    }

    private static String where(JsonDocument.Bad b) {
        return b.line() == 0 ? "" : " (line " + b.line() + ", column " + b.column() + ")";
    }

    private static String tooLarge(Path file, WorkflowFile.TooLarge t, String what) {
        return String.format(Locale.ROOT, "%s is %.1f MB; %s can be at most 1 MB (the engine takes no larger request).",
                file, t.bytes() / 1e6, what);
    }

    private static JsonNode readJson(Path file) {
        return switch (WorkflowFile.read(file)) {
            case WorkflowFile.Good g -> g.value();
            case WorkflowFile.TooLarge t -> throw new dev.arcrun.cli.UsageException(tooLarge(file, t, "a workflow file"));
            case WorkflowFile.Missing m -> throw new UserFacingException("There is no file " + file + ".",
                    "Give the path of a workflow JSON file.");
            case WorkflowFile.Unreadable u -> throw new UserFacingException("Cannot read " + file + ": " + u.reason() + ".", "");
            case WorkflowFile.NotJson(JsonDocument.Bad b) -> throw new UserFacingException(
                    file + " is not valid JSON: " + b.reason() + where(b) + ".", "Fix the file and push it again.");
            case WorkflowFile.NotJson n -> throw new UserFacingException(file + " is not a workflow document.",
                    "A workflow is a JSON object {name, description, steps}; see engine/examples/hello.json.");
        };
    }
}
