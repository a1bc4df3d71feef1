package dev.arcrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.ArcrunCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI face of the local target when no engine runs (starting one is covered by core's LocalEngine tests). */
class LocalCommandTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = ArcrunCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void statusSaysStoppedAsJsonAndAsText() {
        Result json = run("local", "status", "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out().strip()).isEqualTo("{\"state\":\"stopped\"}");
        Result text = run("local", "status");
        assertThat(text.out()).contains("Stopped").contains("arcrun local start");
    }

    @Test
    void stopWithNothingRunningSaysSo() {
        Result stop = run("local", "stop");
        assertThat(stop.exit()).isZero();
        assertThat(stop.out()).contains("was not running");
    }

    @Test
    void stopAnswersJsonToo() {
        Result stop = run("local", "stop", "--json");
        assertThat(stop.exit()).isZero();
        assertThat(stop.out().strip()).isEqualTo("{\"stopped\":false}");
    }

    @Test
    void startWithoutAnInstallSaysHowToMakeOneInsteadOfStartingAnEmptyEngine() {
        Result start = run("local", "start");
        assertThat(start.exit()).isEqualTo(1);
        assertThat(start.err()).contains("There is no install on this computer yet").contains("arcrun install --target local");
        assertThat(start.err()).doesNotContain("Exception");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Result bad = run("local", "restart");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("restart");
    }
}
