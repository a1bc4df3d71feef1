package dev.arcrun.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.deploy.DeployTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterimWorkerDiscoveryTest {

    @TempDir Path tmp;

    private void toml(String folder, String name, String... services) throws IOException {
        StringBuilder b = new StringBuilder("name = \"" + name + "\"\nmain = \"src/index.js\"\n");
        for (String s : services) b.append("\n[[services]]\nbinding = \"B").append(s.length()).append("\"\nservice = \"").append(s).append("\"\n");
        Files.createDirectories(tmp.resolve(folder));
        Files.writeString(tmp.resolve(folder).resolve("wrangler.toml"), b.toString());
    }

    @Test
    void tiersFollowServiceBindingsAcrossTomlAndJsonc() throws IOException {
        toml("a", "top", "mid", "base");
        toml("b", "mid", "base", "outside-the-bundle");
        Files.createDirectories(tmp.resolve("c"));
        Files.writeString(tmp.resolve("c/wrangler.jsonc"), "{ // the base\n \"name\": \"base\", \"services\": [],\n}");
        toml("node_modules/x", "ignored");
        toml(".hidden", "ignored-too");

        assertThat(InterimWorkerDiscovery.discover(tmp)).extracting(DeployTarget::name, DeployTarget::tier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("base", 0), org.assertj.core.groups.Tuple.tuple("mid", 1),
                        org.assertj.core.groups.Tuple.tuple("top", 2));
    }

    @Test
    void aCycleIsAClearError() throws IOException {
        toml("a", "one", "two");
        toml("b", "two", "one");
        assertThatThrownBy(() -> InterimWorkerDiscovery.discover(tmp)).isInstanceOf(UserFacingException.class).hasMessageContaining("cycle");
    }

    @Test
    void anInvalidConfigNamesTheFileAndLine() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.writeString(tmp.resolve("a/wrangler.toml"), "name = \"x\"\nmain = = 3\n");
        assertThatThrownBy(() -> InterimWorkerDiscovery.discover(tmp)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("wrangler.toml").hasMessageContaining("line 2");
    }
}
