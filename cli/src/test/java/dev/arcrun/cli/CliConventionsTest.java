package dev.arcrun.cli;

import static dev.arcrun.cli.InProcessCli.run;
import static dev.arcrun.cli.InProcessCli.withStdin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.http.RecordingHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of gh or wrangler expects: completion, help, one-line usage errors, --version, input from files. */
class CliConventionsTest {
    @TempDir Path root;
    RecordingHttpServer a;
    RecordingHttpServer b;

    @BeforeEach
    void setUp() {
        a = RecordingHttpServer.start();
        b = RecordingHttpServer.start();
        AppHome home = new AppHome(root);
        for (var e : Map.of("a", a, "b", b).entrySet()) {
            InProcessCli.installAt(home, e.getKey(), e.getValue().baseUrl(), "key-" + e.getKey());
        }
    }

    @AfterEach
    void tearDown() {
        InstallEnvironment.reset();
        a.close();
        b.close();
    }

    @Test
    void completionScriptsForBashZshAndFish() {
        Result bash = run("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F", "_picocli_arcrun", "install", "workflows");
        assertThat(run("completion", "zsh").out()).contains("bashcompinit");
        Result fish = run("completion", "fish");
        assertThat(fish.out()).contains("complete -c arcrun -n '__fish_use_subcommand' -a install",
                "__fish_seen_subcommand_from install' -l target");
        Result bad = run("completion", "tcsh");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void helpCommandAndOneLineUsageErrors() {
        Result help = run("help", "install");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: arcrun install", "--target");

        Result bad = run("install", "--bogus");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--bogus'", "See `arcrun install --help`.")
                .doesNotContain("Usage:");
        assertThat(bad.err().lines().count()).isLessThanOrEqualTo(3);
        Result typo = run("instal");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("install", "See `arcrun --help`.").doesNotContain("Usage:");
    }

    @Test
    void versionShowsEngineWranglerAndJava() {
        Result v = run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).contains("arcrun 0.1.0", "engine ", "wrangler " + ToolchainManager.WRANGLER_PACKAGE_VERSION,
                "Java " + Runtime.version().feature());
    }

    @Test
    void useChoosesTheInstallCommandsTalkTo() {
        Result several = run("workflows", "list");
        assertThat(several.exit()).isEqualTo(1);
        assertThat(several.err()).contains("several installs", "--install NAME", "arcrun use NAME");
        assertThat(run("use", "b").out()).contains("Now using the install 'b'");
        run("workflows", "list");
        assertThat(b.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer key-b"));
        assertThat(a.requests()).isEmpty();
        assertThat(run("uninstall").err()).contains("--confirm b");
        assertThat(run("use", "nope").exit()).isEqualTo(1);
    }

    @Test
    void runInputFromAFileFromStdinAndAtSignsAreNotSwallowed(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), "{\"name\":\"Ada\"}");
        run("workflows", "run", "hello", "--install", "a", "--input-file", in.toString());
        withStdin("{\"name\":\"Bob\"}\n", "workflows", "run", "hello", "--install", "a", "--input", "-");
        assertThat(a.requests()).extracting(RecordingHttpServer.Recorded::body)
                .anyMatch(body -> body.contains("\"Ada\"")).anyMatch(body -> body.contains("\"Bob\""));

        // picocli's @file expansion is off: "@in.json" reaches the command as it was typed
        Result at = run("workflows", "run", "hello", "--install", "a", "--input", "@" + in);
        assertThat(at.exit()).isEqualTo(2);
        assertThat(at.err()).contains("--input is not valid JSON", "See `arcrun workflows run --help`.");

        Result bad = run("workflows", "run", "hello", "--install", "a", "--input", "{\n  \"a\": 1,\n  nope\n}");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("line 3, column");
        Result missing = run("workflows", "run", "hello", "--install", "a", "--input-file", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no file");
    }
}
