package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.InProcessCli;
import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.http.RecordingHttpServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install's api key goes to the install's engine and nowhere else: a URL from {@code --api-url} or
 * {@code ARCRUN_API_URL} that points elsewhere gets only a key given for it, and plain http off this computer is refused.
 */
class KeyStaysHomeTest {
    private static final String INSTALL_KEY = "arc_install_key_0123456789";
    @TempDir Path root;
    RecordingHttpServer own;
    RecordingHttpServer foreign;

    @BeforeEach
    void setUp() {
        own = RecordingHttpServer.start();
        foreign = RecordingHttpServer.start();
        FileSecretStore secrets = InProcessCli.installAt(new AppHome(root), "local", own.baseUrl(), INSTALL_KEY);
        secrets.put("local", SecretKind.ENCRYPTION_KEY, "ZW5jLWtleS1ub3Qtc2VudC1hbnl3aGVyZS0xMjM0NTY=");
    }

    private void env(Map<String, String> env) {
        InstallEnvironment.use(env, h -> new FileSecretStore(h, "tests use a file"), h -> ToolchainManager.forTests());
    }

    @AfterEach
    void tearDown() {
        InstallEnvironment.reset();
        own.close();
        foreign.close();
    }

    @Test
    void theInstallsOwnEngineGetsItsKey() {
        InProcessCli.run("workflows", "list");
        assertThat(own.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer " + INSTALL_KEY));
    }

    @Test
    void anotherUrlByOptionOrEnvGetsNoKeyAndIsToldWhy() {
        Result byOption = InProcessCli.run("--api-url", foreign.baseUrl(), "workflows", "list");
        env(Map.of("ARCRUN_API_URL", foreign.baseUrl()));
        Result byEnv = InProcessCli.run("workflows", "list");
        for (Result r : new Result[] {byOption, byEnv}) {
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("No api key for the engine at " + foreign.baseUrl(), "only to its own engine",
                    "ARCRUN_API_KEY").doesNotContain(INSTALL_KEY);
        }
        assertThat(foreign.requests()).allSatisfy(r -> assertThat(r.header("authorization")).isNull());
        assertThat(own.requests()).isEmpty();
    }

    @Test
    void anotherUrlGetsTheKeyGivenForIt() {
        env(Map.of("ARCRUN_API_URL", foreign.baseUrl(), "ARCRUN_API_KEY", "key-of-the-other-engine"));
        InProcessCli.run("workflows", "list");
        assertThat(foreign.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer key-of-the-other-engine"));

        // A credential push needs that engine's encryption key too; the install's is not used for it.
        env(Map.of("ARCRUN_API_URL", foreign.baseUrl(), "ARCRUN_API_KEY", "key-of-the-other-engine"));
        Result push = InProcessCli.withStdin("value\n", "creds", "push", "tok");
        assertThat(push.exit()).isEqualTo(1);
        assertThat(push.err()).contains("No encryption key", "ARCRUN_ENCRYPTION_KEY");
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedBeforeAnythingIsSent() {
        Result r = InProcessCli.run("--api-url", "http://other-host:8955", "workflows", "list");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("plain http", "https://").doesNotContain(INSTALL_KEY);
    }
}
