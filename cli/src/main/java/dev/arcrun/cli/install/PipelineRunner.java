package dev.arcrun.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.install.InstallListener;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one pipeline for a command: live progress for people (stderr when stdout carries JSON), Ctrl-C cancels
 * cleanly (wrangler and its children are stopped, state stays resumable), exit code 0 only on success.
 */
final class PipelineRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineRunner() {}

    /** @param again the command that continues after a failure, for the closing line */
    static int run(CommandSpec spec, boolean json, String again, Function<InstallListener, Installer.Run> start) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter human = json ? spec.commandLine().getErr() : out;
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        RunReport report = new RunReport();
        InstallEventPrinter printer = new InstallEventPrinter(human, terminal);
        Installer.Run run = start.apply(e -> {
            printer.on(e);
            report.on(e);
        });
        Thread hook = new Thread(run::cancel, "arcrun-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        PipelineOutcome outcome;
        try {
            outcome = run.execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the hook does its work
            }
        }
        String name = run.installName();
        var config = new InstallConfigStore(InstallEnvironment.home()).find(name);
        String url = config.map(c -> c.engineUrl()).orElse(null);
        String target = config.map(c -> c.target().name().toLowerCase(Locale.ROOT)).orElse("");
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json(JSON, name, target, outcome, url)));
        } else {
            switch (outcome) {
                case PipelineOutcome.Completed c -> human.println("Done: the install '" + name + "' is ready"
                        + (url == null ? "." : " at " + url + "."));
                case PipelineOutcome.Failed f -> human.println("Stopped at \"" + f.step().title() + "\". "
                        + "Fix the cause above, then continue with: " + again);
                case PipelineOutcome.Cancelled c -> human.println("Cancelled. Continue later with: " + again);
            }
        }
        out.flush();
        human.flush();
        return outcome.success() ? 0 : 1;
    }
}
