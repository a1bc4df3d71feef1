package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.RunResult;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.TraceStep;
import dev.arcrun.sdk.WorkflowSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * The dashboard's lists at the size the engine's paged lists deliver: a 10,000-entry index in the Credentials and
 * Workflows views, searched by name one keystroke at a time. Each keystroke is timed on the FX thread from setting
 * the search to the end of the layout pass that draws the narrowed list (what the user waits for before the next
 * frame), as wall time and as the FX thread's CPU time (on a shared machine the wall time mostly measures the
 * neighbours); one warm-up round is not counted. Then the largest trace the engine allows (100 steps, each a foreach of 100 items, about 15 MB): parsing
 * it (in the background, as the app does) and opening it as the timeline (on the FX thread).
 *
 * <pre>DISPLAY=:95 java -cp … dev.arcrun.app.dashboard.ListFilterBench [rounds]</pre>
 */
public final class ListFilterBench {
    static final int ENTRIES = 10_000;
    /** What a user types, one character at a time, then erases: every prefix is one filter step. */
    static final String TYPED = "report_42";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Platform.startup(() -> {});
        I18n i18n = new I18n(Locale.ENGLISH);
        var executor = new CurrentThreadTaskExecutor();
        var noEngine = new ReadOnlyObjectWrapper<Connection>();

        Stage[] stage = new Stage[1];
        CredentialsViewModel creds = fx(() -> new CredentialsViewModel(executor, noEngine, i18n));
        CredentialsView credsView = fx(() -> new CredentialsView(creds, i18n));
        fx(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(credsView, 1100, 760);
            new ThemeManager().apply(scene);
            stage[0].setScene(scene);
            stage[0].show();
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            List<CredentialInfo> list = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                list.add(new CredentialInfo(name(i), t, t));
            }
            creds.show(list);
            return null;
        });
        measure(1, credsView, q -> creds.queryProperty().set(q)); // warm-up round (JIT), not counted
        report("Credentials", measure(rounds, credsView, q -> creds.queryProperty().set(q)));

        WorkflowsViewModel workflows = fx(() -> new WorkflowsViewModel(executor, noEngine, i18n));
        RunViewModel run = fx(() -> new RunViewModel(executor, noEngine, workflows.selectedProperty(), i18n));
        WorkflowsView wfView = fx(() -> new WorkflowsView(workflows, run, i18n, (owner, title, filter) -> Optional.empty()));
        fx(() -> {
            stage[0].getScene().setRoot(wfView);
            List<WorkflowSummary> list = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                list.add(new WorkflowSummary(name(i), "steps of " + name(i), 1 + i % 100, null));
            }
            workflows.show(list, null);
            return null;
        });
        measure(1, wfView, q -> workflows.queryProperty().set(q));
        report("Workflows", measure(rounds, wfView, q -> workflows.queryProperty().set(q)));

        largestTrace(rounds, stage[0], i18n);
        fx(() -> {
            stage[0].close();
            return null;
        });
        Platform.exit();
    }

    private static String name(int i) {
        String[] words = {"report", "notify", "sync", "backup", "digest"};
        return words[i % words.length] + "_" + i;
    }

    private static double[] openCpu;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The FX thread's own CPU time for the step: on a shared machine, wall time mostly measures the neighbours. */
    private static double[] cpu = new double[0];

    private static double[] measure(int rounds, Parent root, java.util.function.Consumer<String> search) throws Exception {
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<String> steps = new ArrayList<>();
            for (int i = 1; i <= TYPED.length(); i++) {
                steps.add(TYPED.substring(0, i));
            }
            for (int i = TYPED.length() - 1; i >= 0; i--) {
                steps.add(TYPED.substring(0, i));
            }
            for (String q : steps) {
                ms.add(fx(() -> {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    search.accept(q);
                    long t1 = System.nanoTime();
                    root.applyCss();
                    root.layout();
                    long t2 = System.nanoTime();
                    if (System.getenv("BENCH_SPLIT") != null) {
                        System.out.printf(Locale.ROOT, "  %-10s search %.2f ms, css+layout %.2f ms%n", q, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                    }
                    cpuMs.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
                    return (t2 - t0) / 1e6;
                }));
            }
        }
        cpu = cpuMs.stream().mapToDouble(Double::doubleValue).toArray();
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void largestTrace(int rounds, Stage stage, I18n i18n) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        byte[] body = json.writeValueAsBytes(largestRun());
        double[] parse = new double[rounds];
        double[] open = new double[rounds];
        openCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            JsonNode tree = json.readTree(body);
            List<TraceStep> steps = new ArrayList<>();
            for (JsonNode s : tree.path("trace")) {
                steps.add(new TraceStep(s.path("step").asText(), s.path("component").asText(), null, StepStatus.OK, null,
                        s.path("duration_ms").asLong(), s.get("input"), s.get("output"), null));
            }
            RunResult result = new RunResult(true, "r", null, tree.get("output"), steps, null);
            List<TraceRow> prepared = result.trace().stream().map(TraceRow::of).toList(); // in the background too
            parse[r] = (System.nanoTime() - t0) / 1e6;
            ObservableList<TraceRow> rows = FXCollections.observableArrayList();
            TraceTimeline timeline = fx(() -> new TraceTimeline(rows, i18n));
            int round = r;
            open[r] = fx(() -> {
                stage.getScene().setRoot(new SplitPane(timeline.steps(), timeline.detail()));
                long c1 = CPU.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                rows.setAll(prepared);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                openCpu[round] = (CPU.getCurrentThreadCpuTime() - c1) / 1e6;
                return (System.nanoTime() - t1) / 1e6;
            });
        }
        System.out.printf(Locale.ROOT, "Largest trace (%d steps, %.1f MB of JSON): parse and rows (background) median %.0f ms (max %.0f);"
                + " open as a timeline (FX thread) wall median %.0f ms (max %.0f), CPU median %.0f ms (max %.0f)%n",
                100, body.length / 1e6, median(parse), max(parse), median(open), max(open), median(openCpu), max(openCpu));
    }

    /** 100 template steps, each a foreach of 100 items of 700 characters: what the engine's limits allow. */
    static ObjectNode largestRun() {
        var f = JsonNodeFactory.instance;
        ObjectNode run = f.objectNode().put("run_id", "r").put("status", "ok");
        var trace = run.putArray("trace");
        for (int s = 0; s < 100; s++) {
            ObjectNode step = trace.addObject().put("step", "s" + s).put("component", "template").put("status", "ok")
                    .put("duration_ms", 3 + s % 17);
            var in = step.putObject("input").putArray("items");
            var out = step.putObject("output").putArray("items");
            for (int i = 0; i < 100; i++) {
                String item = String.valueOf(i).repeat(700 / String.valueOf(i).length());
                in.addObject().put("template", item);
                out.add(item);
            }
        }
        run.putObject("output").put("done", "yes");
        return run;
    }

    private static void report(String view, double[] ms) {
        System.out.printf(Locale.ROOT, "%s (%,d entries, %d filter steps): wall median %.1f ms, p90 %.1f ms, max %.1f ms;"
                + " FX-thread CPU median %.1f ms, p90 %.1f ms, max %.1f ms (load average %.1f)%n",
                view, ENTRIES, ms.length, median(ms), percentile(ms, 0.9), max(ms), median(cpu), percentile(cpu, 0.9), max(cpu),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }
}
