package dev.arcrun.cli.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.sdk.Page;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        JsonNode in = inputFile != null ? parseInput(readInputFile(inputFile), "--input-file " + inputFile)
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

    /** The engine takes a request body of at most 1,000,000 characters: a larger file is refused before it is read. */
    static final long MAX_FILE_BYTES = 1_000_000;

    private static void refuseOversized(Path file, String what) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // a missing or unreadable file: the read that follows says so
        }
        if (size > MAX_FILE_BYTES) {
            throw new dev.arcrun.cli.UsageException(String.format(Locale.ROOT,
                    "%s is %.1f MB; %s can be at most 1 MB (the engine takes no larger request).", file, size / 1e6, what));
        }
    }

    private static String readInputFile(Path file) {
        refuseOversized(file, "a run's input (--input-file)");
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new dev.arcrun.cli.UsageException("There is no file " + file + " (--input-file).");
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage() + ".", "");
        }
    }

    /** Bad input is a usage error (exit 2) that says where the JSON breaks. */
    private static JsonNode parseInput(String input, String from) {
        try {
            JsonNode n = Output.JSON.readTree(input);
            if (n == null || !n.isObject()) {
                throw new dev.arcrun.cli.UsageException(from + " must be a JSON object, for example {\"name\":\"Ada\"}.");
            }
            return n;
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new dev.arcrun.cli.UsageException(from + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
    }

    private static JsonNode readJson(Path file) {
        refuseOversized(file, "a workflow file");
        try {
            JsonNode n = Output.JSON.readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new UserFacingException(file + " is not a workflow document.",
                        "A workflow is a JSON object {name, description, steps}; see engine/examples/hello.json.");
            }
            return n;
        } catch (NoSuchFileException e) {
            throw new UserFacingException("There is no file " + file + ".", "Give the path of a workflow JSON file.");
        } catch (JacksonException e) {
            var at = e.getLocation(); // none when a read limit, not a place in the text, is the cause
            throw new UserFacingException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ")") + ".", "Fix the file and push it again.");
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage() + ".", "");
        }
    }
}
