package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.cli.InProcessCli;
import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.core.config.SecretStores;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.HostPort;
import dev.arcrun.core.local.LocalEngine;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The creds / services / workflows commands against the real engine in workerd. The engine and keys are found the way
 * a user's are: through an install's config and the SecretStore ({@code --install NAME}), never from arguments.
 */
class EngineCommandsRealEngineTest {
    @TempDir static Path engineHome;
    static LocalEngine local;
    static String url;
    static final LocalEngine.Keys keys = LocalEngine.Keys.generate();
    static String install;
    static AppHome home;
    static SecretStore secrets;

    @BeforeAll
    static void start() {
        local = new LocalEngine(new AppHome(engineHome), ToolchainManager.forTests());
        url = local.start(null, keys, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation()).url();

        home = AppHome.resolve(); // surefire's throwaway ARCRUN_HOME, as the CLI resolves it
        install = "it-cli-" + ProcessHandle.current().pid();
        new InstallConfigStore(home).save(InstallConfig.create(install, Target.LOCAL).withEngineUrl(url));
        secrets = SecretStores.open(home);
        secrets.put(install, SecretKind.API_KEY, keys.apiKey().reveal());
        secrets.put(install, SecretKind.ENCRYPTION_KEY, keys.encryptionKey().reveal());
    }

    @AfterAll
    static void stop() {
        try {
            if (secrets != null) {
                secrets.deleteAll(install);
                new InstallConfigStore(home).delete(install);
            }
        } finally {
            if (local != null) {
                local.stop();
            }
        }
    }

    private static Result withStdin(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--install";
        all[args.length + 1] = install;
        return InProcessCli.withStdin(stdin, all);
    }

    private static Result cli(String... args) {
        return withStdin("", args);
    }

    private static void assertNoSecrets(Result r, String... more) {
        assertThat(r.out() + r.err()).doesNotContain(keys.apiKey().reveal(), keys.encryptionKey().reveal());
        for (String m : more) {
            assertThat(r.out() + r.err()).doesNotContain(m);
        }
    }

    @Test
    void credsPushFromStdinListAndDelete() throws Exception {
        String value = "cli-secret-" + System.nanoTime();
        Result pushed = withStdin(value + "\n", "creds", "push", "it_cli_token");
        assertThat(pushed.exit()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Stored credential it_cli_token");

        Result table = cli("creds", "list");
        assertThat(table.out()).contains("NAME", "UPDATED", "it_cli_token");
        Result json = cli("creds", "list", "--json");
        JsonNode doc = Output.JSON.readTree(json.out());
        assertThat(doc.path("credentials").findValuesAsText("name")).contains("it_cli_token");

        Result deleted = cli("creds", "delete", "it_cli_token");
        assertThat(deleted.exit()).isZero();
        assertThat(cli("creds", "list").out()).doesNotContain("it_cli_token");
        Result again = cli("creds", "delete", "it_cli_token");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("No credential named 'it_cli_token'")
                .doesNotContain("DELETE ", "/credentials"); // words, not HTTP routes
        for (Result r : new Result[] {pushed, table, json, deleted, again}) {
            assertNoSecrets(r, value);
        }
    }

    @Test
    void anEmptyValueIsRefused() {
        Result r = withStdin("", "creds", "push", "it_empty");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("No value was given");
    }

    @Test
    void servicesListAndSetupFromStdin() {
        Result list = cli("services", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("SERVICE", "openai", "api_key", "api.openai.com");

        Result setup = withStdin("api_key=sk-cli-dummy\n", "services", "setup", "openai");
        assertThat(setup.exit()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("stored openai_api_key");
        assertNoSecrets(setup, "sk-cli-dummy");

        Result wrong = withStdin("password=hunter2\n", "services", "setup", "openai");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("'password' is not a secret of openai", "api_key (or openai_api_key)");
        assertNoSecrets(wrong, "hunter2");
    }

    @Test
    void servicesTestMakesTheRecipesTestCall() throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var target = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", ex -> {
            received.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Token")));
            ex.sendResponseHeaders(received.size() == 1 ? 204 : 401, -1);
            ex.close();
        });
        target.start();
        try (EngineClient sdk = EngineClient.create(new EngineSettings(EngineSettings.parseUrl(url), keys.apiKey(), keys.encryptionKey()))) {
            int port = target.getAddress().getPort();
            // The engine refuses loopback addresses to workflows unless its owner allows them; this server is one.
            sdk.engineSettings().allowPrivateHost(HostPort.parse("127.0.0.1:" + port).orElseThrow());
            sdk.services().put("itcli", Output.JSON.readTree("""
                    {"service":"itcli","display_name":"IT CLI","required_secrets":[{"key":"itcli_token","label":"Token"}],
                     "inject":{"header":{"X-Token":"{{itcli_token}}"}},"hosts":["127.0.0.1:%d"],
                     "test":{"method":"GET","url":"http://127.0.0.1:%d/me"}}""".formatted(port, port)));
            // Credentials are at least 8 characters (a shorter one could not be told from text to redact it).
            assertThat(withStdin("token=t-123456\n", "services", "setup", "itcli").exit()).isZero();

            Result ok = cli("services", "test", "itcli");
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("answered 204", "credentials work");
            Result refused = cli("services", "test", "itcli");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("itcli refused the test call", "401", "arcrun services setup itcli");
            assertThat(received).containsExactly("t-123456", "t-123456");
            assertNoSecrets(ok, "t-123456");
            assertNoSecrets(refused, "t-123456");
        } finally {
            target.stop(0);
        }
    }

    @Test
    void workflowsPushListRunAndDelete() throws Exception {
        Result pushed = cli("workflows", "push", Path.of("../engine/examples/hello.json").toString());
        assertThat(pushed.exit()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Stored workflow hello");
        assertThat(cli("workflows", "list").out()).contains("hello", "3");

        Result table = cli("workflows", "run", "hello", "--input", "{\"name\":\"Ada\"}");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("STEP", "greet", "template", "shout", "text_upper", "count", "word_count",
                "ok", "Output: {\"greeting\":\"Hello, Ada!\"");

        Result json = cli("workflows", "run", "hello", "--json");
        assertThat(json.exit()).isZero();
        JsonNode doc = Output.JSON.readTree(json.out()); // stdout is only JSON
        assertThat(doc.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("success", "run_id", "output", "trace");
        assertThat(doc.path("success").asBoolean()).isTrue();
        assertThat(doc.path("output").path("greeting").asText()).isEqualTo("Hello, world!");
        assertThat(doc.path("trace")).hasSize(3);
        assertThat(doc.path("trace").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(doc.path("trace").get(0).has("duration_ms")).isTrue();

        assertThat(cli("workflows", "delete", "hello").exit()).isZero();
        assertThat(cli("workflows", "list").out()).doesNotContain("hello");
    }

    @Test
    void workflowsListShowsAPageAndAllFollowsEveryPage(@TempDir Path dir) throws Exception {
        for (String name : List.of("pl-a", "pl-b", "pl-c")) {
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, "{\"name\":\"" + name + "\",\"steps\":[{\"id\":\"a\",\"component\":\"template\",\"input\":{\"template\":\"x\"}}]}");
            assertThat(cli("workflows", "push", file.toString()).exit()).isZero();
        }
        Result page = cli("workflows", "list", "--prefix", "pl-", "--limit", "2");
        assertThat(page.out()).contains("pl-a", "pl-b", "More workflows follow", "arcrun workflows list --all").doesNotContain("pl-c");
        Result all = cli("workflows", "list", "--prefix", "pl-", "--limit", "2", "--all");
        assertThat(all.out()).contains("pl-a", "pl-b", "pl-c").doesNotContain("More workflows follow");
        JsonNode doc = Output.JSON.readTree(cli("workflows", "list", "--prefix", "pl-", "--limit", "1", "--json").out());
        assertThat(doc.path("workflows").findValuesAsText("name")).containsExactly("pl-a");
        assertThat(doc.path("truncated").asBoolean()).isTrue();
        assertThat(cli("workflows", "list", "--prefix", "pl-x").out()).contains("No workflow's name starts with pl-x");
        Result bad = cli("workflows", "list", "--limit", "5000");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("--limit takes a number from 1 to 1000");
    }

    @Test
    void aFailedRunPrintsItsTraceAndExits1(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path wf = Files.writeString(dir.resolve("fails.json"), """
                {"name":"it-cli-fails","steps":[
                  {"id":"first","component":"template","input":{"template":"hi"}},
                  {"id":"call","component":"http_request","input":{"url":"http://127.0.0.1:%d/"}}]}""".formatted(closed));
        assertThat(cli("workflows", "push", wf.toString()).exit()).isZero();

        Result r = cli("workflows", "run", "it-cli-fails");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Run FAILED", "first", "call", "http_request", "error",
                "Error at step call: 127.0.0.1:" + closed + " is on this computer or a private network",
                "allow it with `arcrun settings allow-private-host add 127.0.0.1:" + closed + "`")
                .doesNotContain("PUT /settings");

        Result json = cli("workflows", "run", "it-cli-fails", "--json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(Output.JSON.readTree(json.out()).path("success").asBoolean(true)).isFalse();
    }

    @Test
    void aRunNeedingAServiceThatIsNotSetUpSaysWhichAndHowToSetItUp(@TempDir Path dir) throws Exception {
        Path wf = Files.writeString(dir.resolve("gh.json"), """
                {"name":"it-cli-github","steps":[
                  {"id":"me","component":"http_request","service":"github","input":{"url":"https://api.github.com/user"}}]}""");
        assertThat(cli("workflows", "push", wf.toString()).exit()).isZero();

        Result r = cli("workflows", "run", "it-cli-github");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Error at step me: GitHub is not set up yet: set it up with `arcrun services setup github`")
                .doesNotContain("POST /credentials");
    }

    @Test
    void settingsShowAddAndRemoveAPrivateHost() throws Exception {
        cli("settings", "allow-private-host", "remove", "127.0.0.1:8080");
        Result shown = cli("settings");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).doesNotContain("127.0.0.1:8080");

        Result added = cli("settings", "allow-private-host", "add", "LOCALHOST.:3000");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Workflows may now reach localhost:3000.", "  localhost:3000");
        assertThat(cli("settings", "allow-private-host", "add", "localhost:3000").out()).contains("allowed already; nothing changed");
        Result json = cli("settings", "--json");
        assertThat(Output.JSON.readTree(json.out()).path("allow_private_hosts").toString()).contains("\"localhost:3000\"");
        assertThat(Output.JSON.readTree(cli("settings", "show", "--json").out()).path("allow_private_hosts").isArray()).isTrue();

        Result removed = cli("settings", "allow-private-host", "remove", "localhost:3000", "--json");
        assertThat(removed.exit()).isZero();
        assertThat(Output.JSON.readTree(removed.out()).path("allow_private_hosts").toString()).doesNotContain("localhost:3000");
        assertThat(cli("settings", "allow-private-host", "remove", "localhost:3000").out()).contains("was not allowed; nothing changed");

        for (String bad : new String[] {"http://127.0.0.1:8080", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", "a b:1"}) {
            Result refused = cli("settings", "allow-private-host", "add", bad);
            assertThat(refused.exit()).as(bad).isEqualTo(2);
            assertThat(refused.err()).as(bad).contains("is not HOST:PORT", "127.0.0.1:8080");
        }
    }

    @Test
    void aMistypedServiceSuggestsTheNearestAndListShowsWhichAreSetUp() throws Exception {
        Result typo = withStdin("sk-test\n", "services", "setup", "opnai");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).contains("There is no service 'opnai'; did you mean 'openai'?", "arcrun services setup openai")
                .doesNotContain("/auth/recipes", "GET ", "Exception");

        assertThat(withStdin("sk-cli-test-value\n", "services", "setup", "openai").exit()).isZero();
        Result list = cli("services", "list");
        assertThat(list.out()).contains("SET UP");
        assertThat(list.out().lines().filter(l -> l.startsWith("openai ")).findFirst().orElseThrow()).contains(" yes ");
        JsonNode doc = Output.JSON.readTree(cli("services", "list", "--json").out());
        for (JsonNode svc : doc.path("services")) {
            if (svc.path("service").asText().equals("openai")) {
                assertThat(svc.path("set_up").asBoolean()).isTrue();
            }
        }
        assertNoSecrets(list, "sk-cli-test-value");
    }

    @Test
    void anExplicitApiUrlBeatsTheInstalls() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result r = cli("--api-url", "http://127.0.0.1:" + closed, "workflows", "list");
        assertThat(r.exit()).isEqualTo(1);
        // Another URL than the install's gets none of its keys, so the call stops before connecting.
        assertThat(r.err()).contains("No api key for the engine at http://127.0.0.1:" + closed, "only to its own engine");
    }
}
