package dev.arcrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.arcrun.cli.InProcessCli.Result;
import dev.arcrun.cli.i18n.Words;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the CLI speaks the user's language (LC_ALL, LC_MESSAGES, LANG) to people; {@code --json} and exit codes
 * are the same in every language. Tests run in the C locale (the pom); here each command runs in both.
 */
class LocaleCliTest {
    private static final Words CHINESE = new Words(Locale.forLanguageTag("zh-TW"));
    private static final String NL = System.lineSeparator();

    @TempDir Path root;
    private HttpServer engine;

    @BeforeEach
    void anInstallWithAnEmptyEngine() throws IOException {
        engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        engine.createContext("/", exchange -> {
            byte[] body = "{\"success\":true,\"workflows\":[],\"credentials\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engine.start();
        InProcessCli.installAt(new AppHome(root), "local",
                "http://127.0.0.1:" + engine.getAddress().getPort(), "arc_key_for_locale_tests_0123");
    }

    @AfterEach
    void tearDown() {
        Words.setCurrent(null);
        InstallEnvironment.reset();
        engine.stop(0);
    }

    private static Result in(Words words, String... args) {
        Words.setCurrent(words);
        try {
            return InProcessCli.run(args);
        } finally {
            Words.setCurrent(null);
        }
    }

    @Test
    void anEmptyWorkflowListIsToldInTheUsersLanguageWithTheSameCommand() {
        Result english = in(Words.ENGLISH, "workflows", "list");
        Result chinese = in(CHINESE, "workflows", "list");
        assertThat(english.out()).as(english.toString()).isEqualTo("No workflows stored. Add one with: arcrun workflows push FILE" + NL);
        assertThat(chinese.out()).as(chinese.toString()).isEqualTo("尚未儲存任何工作流程。新增一個：arcrun workflows push FILE" + NL);
        assertThat(chinese.exit()).isEqualTo(english.exit()).isZero();
    }

    @Test
    void jsonAndExitCodesAreTheSameInEveryLanguage() {
        for (List<String> args : List.of(List.of("workflows", "list", "--json"), List.of("creds", "list", "--json"),
                List.of("status", "--json"), List.of("uninstall", "--json"))) {
            Result english = in(Words.ENGLISH, args.toArray(String[]::new));
            Result chinese = in(CHINESE, args.toArray(String[]::new));
            assertThat(chinese.out()).as("%s%n%s", args, chinese).isEqualTo(english.out()).isNotBlank();
            assertThat(chinese.exit()).as("%s", args).isEqualTo(english.exit());
        }
        // the uninstall refused without --confirm: its --json is English, the line for the person is not
        Result refused = in(CHINESE, "uninstall", "--json");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("This would stop the engine on this computer");
        assertThat(refused.err()).contains("沒有刪除任何東西", "arcrun uninstall --install local --confirm local")
                .doesNotContain("Nothing was deleted");
    }

    @Test
    void aUsageErrorAndItsPointerToHelpAreWordedToo() {
        Result chinese = in(CHINESE, "workflows", "run", "hello", "--input", "[1]");
        assertThat(chinese.exit()).isEqualTo(2);
        assertThat(chinese.err()).isEqualTo("arcrun: --input 必須是 JSON 物件，例如 {\"name\":\"Ada\"}。" + NL
                + "請參閱 `arcrun workflows run --help`。" + NL);
    }

    @Test
    void parseErrorsAreWordedFromTheirFactsWithPicocliExitCode() {
        Result unknown = in(CHINESE, "install", "--bogus");
        assertThat(unknown.exit()).isEqualTo(2).isEqualTo(in(Words.ENGLISH, "install", "--bogus").exit());
        assertThat(unknown.err()).isEqualTo("arcrun: 不認得的選項：'--bogus'" + NL + "請參閱 `arcrun install --help`。" + NL);

        Result typo = in(CHINESE, "instal");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("不認得的參數：'instal'", "您是不是要輸入：arcrun install")
                .doesNotContain("Did you mean", "Unmatched");

        Result twice = in(CHINESE, "local", "start", "--install", "a", "--install", "b");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).startsWith("arcrun: 選項 '--install' 重複指定了");
    }

    @Test
    void useFollowsLangInARealProcess() throws Exception {
        Map<String, String> results = new java.util.LinkedHashMap<>();
        for (String lang : List.of("C.UTF-8", "zh_TW.UTF-8")) {
            // stdout in UTF-8 even where the machine lacks the zh_TW locale (Java would fall back to ASCII)
            ProcessBuilder pb = ChildCli.builder(root, Map.of("LANG", lang),
                    List.of("-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"), "use", "local");
            pb.environment().remove("LC_ALL"); // the tests' C locale would win over LANG
            pb.environment().remove("LC_MESSAGES");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            results.put(lang, out.strip());
        }
        assertThat(results).containsExactly(Map.entry("C.UTF-8", "Now using the install 'local'."),
                Map.entry("zh_TW.UTF-8", "現在使用安裝「local」。"));
    }

    @Test
    void anEngineThatDoesNotAnswerIsToldInTheUsersLanguageWithTheSameExitAndJson() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        new dev.arcrun.core.config.InstallConfigStore(new AppHome(root)).save(dev.arcrun.core.config.InstallConfig
                .create("down", dev.arcrun.core.config.Target.LOCAL).withEngineUrl("http://127.0.0.1:" + closed)
                .withDeployedBundle(new dev.arcrun.core.config.DeployedBundle("builtin", "0.1.0", "ab", java.time.Instant.EPOCH)));
        Result english = in(Words.ENGLISH, "status", "--install", "down");
        Result chinese = in(CHINESE, "status", "--install", "down");
        assertThat(chinese.exit()).isEqualTo(english.exit()).isEqualTo(1);
        assertThat(english.err()).isEqualTo("arcrun: the engine of 'down' does not answer. Start it with 'arcrun local start'." + NL);
        assertThat(chinese.err()).isEqualTo("arcrun：「down」的引擎沒有回應。請用「arcrun local start」啟動它。" + NL);
        // why, in words: core's sentence for the SDK's failure, not the SDK's English
        assertThat(chinese.out()).contains("  狀態：　　無法連線 — ").doesNotContain("unreachable", "engine at");
        assertThat(in(CHINESE, "status", "--install", "down", "--json").out())
                .isEqualTo(in(Words.ENGLISH, "status", "--install", "down", "--json").out());
    }
}
