package dev.arcrun.cli.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.ArcrunCli;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RecordedExchange;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code arcrun cf …} in-process against the contract-validating stand-in. */
class CfCommandTest {

    record Run(int exit, String out, String err) {}

    @TempDir
    Path dir;

    private CloudflareStandIn cf;
    private final List<Run> runs = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() {
        cf = CloudflareStandIn.builder().validateContract().start();
        secrets.add(cf.token());
        CfOptions.environment = Map::of; // nothing from the developer's own environment leaks in
    }

    @AfterEach
    void stop() {
        CfOptions.environment = System::getenv;
        try {
            cf.assertNoContractViolations();
            for (String secret : secrets) {
                assertThat(runs).allSatisfy(r -> assertThat(r.out() + r.err()).doesNotContain(secret));
                assertThat(cf.exchanges()).extracting(RecordedExchange::uri)
                        .allSatisfy(u -> assertThat(u).doesNotContain(secret));
            }
        } finally {
            cf.close();
        }
    }

    @Test
    void verifyShowsTokenAccountAndEveryPermission() {
        Run r = arcrun("cf", "verify");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("active user token", "Arcrun Test Account (" + cf.accountId() + ")",
                "granted      Account › Workers Scripts › Edit", "granted      Account › Workers KV Storage › Edit",
                "granted      Account › Workers R2 Storage › Edit", "granted      Account › Account Settings › Read",
                "The token can install Arcrun.");
    }

    @Test
    void verifyNamesAMissingR2PermissionOnOneLine() throws Exception {
        Path noR2 = tokenFile(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        Run r = arcrun(noR2, "cf", "verify");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("MISSING      Account › Workers R2 Storage › Edit");
        assertOneErrorLine(r, "The Cloudflare API token lacks Account › Workers R2 Storage › Edit.");
        assertThat(r.err()).contains("permissionGroupKeys=");
    }

    @Test
    void verifyJsonIsOneDocumentWithEachPermission() throws Exception {
        Run ok = arcrun("cf", "verify", "--json");
        assertThat(ok.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(ok.out());
        assertThat(doc.path("can_install").asBoolean()).isTrue();
        assertThat(doc.path("account").path("id").asText()).isEqualTo(cf.accountId());
        assertThat(doc.path("permissions")).hasSize(4);

        Run noR2 = arcrun(tokenFile(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT)), "cf", "verify", "--json");
        assertThat(noR2.exit()).isEqualTo(1);
        JsonNode missing = new ObjectMapper().readTree(noR2.out());
        assertThat(missing.path("can_install").asBoolean(true)).isFalse();
        assertThat(missing.path("permissions").findValuesAsText("outcome")).contains("missing");
        assertThat(noR2.err()).startsWith("arcrun: The Cloudflare API token lacks");
    }

    @Test
    void invalidExpiredAndDisabledTokensEachSayWhat() throws Exception {
        Run invalid = arcrun(tokenFile(StandInToken.randomValue()), "cf", "verify");
        Run expired = arcrun(tokenFile(StandInToken.user(StandInToken.randomValue()).withStatus("expired")),
                "cf", "verify");
        Run disabled = arcrun(tokenFile(StandInToken.user(StandInToken.randomValue()).withStatus("disabled")),
                "cf", "provision");

        assertOneErrorLine(invalid, "Cloudflare does not recognise this API token");
        assertOneErrorLine(expired, "The Cloudflare API token has expired.");
        assertOneErrorLine(disabled, "The Cloudflare API token is disabled.");
        assertThat(Stream.of(invalid, expired, disabled)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(1));
    }

    @Test
    void provisionPrintsATableAndCreatesEverything() {
        Run r = arcrun("cf", "provision");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("KIND", "BINDING", "ACTION", "arcrun-credentials", "COMPONENT_BINARIES",
                "workers.dev subdomain: arcrun-test.workers.dev");
        assertThat(r.out().lines().filter(l -> l.endsWith("created"))).hasSize(8);
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(7);
    }

    @Test
    void provisionJsonHasExactlyTheDocumentedShapeAndRerunsAsExists() throws Exception {
        Run first = arcrun("cf", "provision", "--json");
        Run second = arcrun("cf", "provision", "--json");

        assertThat(first.exit()).isZero();
        JsonNode a = new ObjectMapper().readTree(first.out());
        assertThat(a.fieldNames()).toIterable().containsExactly("account_id", "kv", "r2", "subdomain");
        assertThat(a.get("kv")).hasSize(7).allSatisfy(k -> {
            assertThat(k.fieldNames()).toIterable().containsExactly("binding", "title", "id", "action");
            assertThat(k.get("action").asText()).isEqualTo("created");
        });
        assertThat(a.at("/r2/0").toString())
                .isEqualTo("{\"binding\":\"COMPONENT_BINARIES\",\"name\":\"arcrun-components\",\"action\":\"created\"}");
        JsonNode b = new ObjectMapper().readTree(second.out());
        assertThat(b.get("kv")).allSatisfy(k -> assertThat(k.get("action").asText()).isEqualTo("exists"));
        assertThat(b.at("/r2/0/action").asText()).isEqualTo("exists");
        assertThat(b.get("kv").findValuesAsText("id")).isEqualTo(a.get("kv").findValuesAsText("id"));
    }

    @Test
    void dryRunWithPrefixCreatesNothing() throws Exception {
        Run r = arcrun("cf", "provision", "--dry-run", "--prefix", "team2-", "--json");

        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("kv")).allSatisfy(k -> {
            assertThat(k.get("title").asText()).startsWith("team2-");
            assertThat(k.get("action").asText()).isEqualTo("would-create");
            assertThat(k.get("id").isNull()).isTrue();
        });
        assertThat(cf.state().namespaces(cf.accountId())).isEmpty();
        assertThat(cf.count("POST", ".*")).isZero();
    }

    @Test
    void missingSubdomainIsReportedWithTheCommandThatRegistersOne() throws Exception {
        cf.state().setSubdomain(cf.accountId(), null);

        Run table = arcrun("cf", "provision");
        Run json = arcrun("cf", "provision", "--json");
        Run register = arcrun("cf", "register-subdomain", "my-team");

        assertThat(table.out()).contains("workers.dev subdomain: none.", "arcrun cf register-subdomain NAME");
        assertThat(new ObjectMapper().readTree(json.out()).get("subdomain").isNull()).isTrue();
        assertThat(json.err()).contains("arcrun cf register-subdomain NAME");
        assertThat(register.exit()).isZero();
        assertThat(register.out()).contains("Registered my-team.workers.dev");
        assertThat(cf.state().subdomain(cf.accountId())).hasValue("my-team");
    }

    @Test
    void provisionWithoutR2RightsStopsBeforeCreatingAnything() throws Exception {
        Path noR2 = tokenFile(StandInToken.user(StandInToken.randomValue())
                .without(TokenPermission.WORKERS_R2_STORAGE_EDIT));

        Run r = arcrun(noR2, "cf", "provision");

        assertOneErrorLine(r, "The Cloudflare API token lacks Account › Workers R2 Storage › Edit.");
        assertThat(cf.state().namespaces(cf.accountId())).isEmpty();
    }

    @Test
    void usageErrorsExitTwoAndAMissingTokenExitsOne() {
        Run usage = arcrun("cf", "provision", "--no-such-option");
        Run noToken = run("cf", "verify", "--api-base", cf.baseUrl().toString());

        assertThat(usage.exit()).isEqualTo(2);
        assertThat(noToken.exit()).isEqualTo(1);
        assertOneErrorLine(noToken, "No Cloudflare API token was given.");
    }

    @Test
    void tokenComesFromTheEnvironmentWhenNoFileIsGiven() {
        CfOptions.environment = () -> Map.of("CLOUDFLARE_API_TOKEN", cf.token(),
                "CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString(), "CLOUDFLARE_ACCOUNT_ID", cf.accountId());

        Run r = run("cf", "verify");

        assertThat(r.exit()).isZero();
        assertThat(cf.exchanges()).isNotEmpty();
    }

    private static void assertOneErrorLine(Run r, String expected) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("arcrun: ").contains(expected));
    }

    private Path tokenFile(StandInToken token) throws Exception {
        return tokenFile(cf.addToken(token));
    }

    private Path tokenFile(String token) throws Exception {
        secrets.add(token);
        return Files.writeString(Files.createTempFile(dir, "token", ""), token + "\n");
    }

    private Run arcrun(String... args) {
        try {
            return arcrun(tokenFile(cf.token()), args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Run arcrun(Path tokenFile, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-base", cf.baseUrl().toString(), "--token-file", tokenFile.toString()));
        return run(all.toArray(String[]::new));
    }

    private Run run(String... args) {
        CommandLine cl = ArcrunCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        Run r = new Run(exit, out.toString(), err.toString());
        runs.add(r);
        return r;
    }
}
