package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.install.StepId;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one pipeline for a command: live progress for people (stderr when stdout carries JSON), Ctrl-C cancels
 * cleanly (wrangler and its children are stopped, state stays resumable, the line that resumes is printed).
 * Exit codes: 0 success, 1 failed or cancelled, {@link #NOT_ANSWERING} installed but the engine does not answer yet.
 */
final class PipelineRunner {
    /** Installed (or updated) and deployed, but the engine did not answer within the wait: check again later. */
    static final int NOT_ANSWERING = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long Ctrl-C waits for the pipeline to stop and the closing line to be printed. */
    private static final long CANCEL_GRACE_SECONDS = 60;

    private PipelineRunner() {}

    /** @param again the command that continues after a failure, for the closing line */
    static int run(CommandSpec spec, boolean json, String again, Function<InstallListener, Installer.Run> start) throws Exception {
        return run(spec, json, again, start, () -> null);
    }

    /**
     * @param unchanged after a successful run, a line that replaces "Done" when the run changed nothing (e.g. an
     *                  update to the engine already deployed), in given words, or null
     */
    static int run(CommandSpec spec, boolean json, String again, Function<InstallListener, Installer.Run> start,
                   java.util.function.Supplier<Function<Words, String>> unchanged) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter human = json ? err : out;
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        RunReport report = new RunReport();
        InstallEventPrinter printer = new InstallEventPrinter(human, terminal);
        AtomicBoolean notAnswering = new AtomicBoolean();
        Installer.Run run = start.apply(e -> {
            printer.on(e);
            report.on(e);
            if (e instanceof InstallEvent.Warning w && w.step() == StepId.CHECK) {
                notAnswering.set(true);
            }
        });
        CountDownLatch reported = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        // Ctrl-C: stop the pipeline, then hold the JVM until the closing line (how to resume) is printed.
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            run.cancel();
            try {
                reported.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arcrun-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PipelineOutcome outcome = run.execute();
            return finish(out, err, human, json, again, run, report, outcome, notAnswering.get(),
                    outcome.success() ? unchanged.get() : null);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the hook has done its work
            }
        }
    }

    private static int finish(PrintWriter out, PrintWriter err, PrintWriter human, boolean json, String again,
                              Installer.Run run, RunReport report, PipelineOutcome outcome, boolean notAnswering,
                              Function<Words, String> unchanged) throws Exception {
        String name = run.installName();
        var config = new InstallConfigStore(InstallEnvironment.home()).find(name);
        String url = outcome instanceof PipelineOutcome.Completed c && c.engineUrl() != null ? c.engineUrl()
                : config.map(c -> c.engineUrl()).orElse(null);
        Words words = Words.current();
        String target = config.map(c -> c.target().name().toLowerCase(Locale.ROOT)).orElse("");
        boolean answering = !(outcome.success() && notAnswering);
        if (json) {
            var doc = report.json(JSON, name, target, outcome, url).put("engine_answers", answering);
            if (unchanged != null) {
                doc.put("unchanged", unchanged.apply(Words.ENGLISH));
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            switch (outcome) {
                case PipelineOutcome.Completed c -> {
                    if (unchanged != null) {
                        human.println(unchanged.apply(words));
                    } else if (answering) {
                        human.println(url == null ? words.get("install.done", name) : words.get("install.done_at", name, url));
                    }
                }
                case PipelineOutcome.Failed f -> human.println(words.get("install.stopped", words.step(f.step()), again));
                case PipelineOutcome.Cancelled c -> human.println(words.get("install.cancelled", again));
            }
        }
        if (!answering) {
            err.println(words.get("install.not_answering", name, url));
        }
        out.flush();
        human.flush();
        err.flush();
        if (!outcome.success()) {
            return 1;
        }
        return answering ? 0 : NOT_ANSWERING;
    }
}
