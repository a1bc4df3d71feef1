package dev.arcrun.core.deploy;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real npm install (once per machine: the test cache is shared) and the real wrangler running on it. */
class RealToolchainTest {

    @Test
    void installsOrReusesThePinnedToolchainAndWranglerRuns(@TempDir Path tmp) {
        List<String> npm = Collections.synchronizedList(new ArrayList<>());
        Toolchain t = ToolchainManager.forTests().ensure(l -> npm.add(l.text()));
        assertThat(Version.parse(t.nodeVersion()).atLeast(ToolchainManager.MIN_NODE)).isTrue();
        assertThat(t.wranglerVersion()).isEqualTo(ToolchainManager.WRANGLER_PACKAGE_VERSION);

        List<String> out = Collections.synchronizedList(new ArrayList<>());
        ProcessOutcome outcome = new ProcessStreamer(Redactor.NONE, l -> out.add(l.text())).run(
                ProcessRun.of("wrangler", t.wranglerCommand("--version"), tmp).withTimeout(Duration.ofMinutes(2)), new Cancellation());
        assertThat(outcome.succeeded()).as("wrangler --version: %s", out).isTrue();
        assertThat(String.join("\n", out)).contains(t.wranglerVersion());
    }
}
