package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injection writes a generated {@code wrangler.arcrun.json} beside each worker's own config: everything of the
 * bundle's config plus the injected ids, vars and names; the bundle's own file is never changed.
 */
class ConfigInjectorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InjectionValues VALUES = new InjectionValues(
            Map.of("CREDENTIALS", "id-cred-111", "WORKFLOWS", "id-wf-222", "RUNS", "id-runs-333"),
            Map.of("COMPONENT_BINARIES", "arcrun-components"),
            Map.of("WORKERS_SUBDOMAIN", "acme"));
    private static final InjectionValues RENAMED = new InjectionValues(Map.of("CREDENTIALS", "id-cred-111"), Map.of(), Map.of(),
            Map.of("arcrun-registry", "team2-registry", "arcrun-cypher-executor", "team2-cypher-executor"));

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    private JsonNode generated(String workerDir) throws IOException {
        return JSON.readTree(dir.resolve(workerDir).resolve(ConfigInjector.GENERATED).toFile());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void tomlGetsAGeneratedConfigWithEverythingOfTheOriginalAndTheValues() throws IOException {
        String toml = """
                # arcrun registry
                name = "arcrun-registry"   # the worker
                main = "src/index.ts"
                compatibility_date = "2025-01-01"
                workers_dev = false
                routes = [
                  { pattern = "arcrun.example.com/*", zone_name = "example.com" }, # inline
                ]

                [vars]
                LOG_LEVEL = "info"  # keep me
                WORKERS_SUBDOMAIN = "old"

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                # id goes here
                id = "TODO"

                [[kv_namespaces]]
                  binding = 'WORKFLOWS'   # no id yet

                [[r2_buckets]]
                binding = "COMPONENT_BINARIES"
                bucket_name = "changeme"

                [env.staging]
                kv_namespaces = [{ binding = "CREDENTIALS", id = "staging-stays" }]
                """;
        Path original = write("registry/wrangler.toml", toml);

        List<ConfigInjector.Injected> injected = ConfigInjector.injectAll(BundleDiscovery.discover(dir), VALUES);

        assertThat(injected).singleElement().satisfies(i -> {
            assertThat(i.changed()).isTrue();
            assertThat(i.config()).isEqualTo(dir.resolve("registry/wrangler.arcrun.json"));
        });
        assertThat(original).hasContent(toml);
        assertThat(generated("registry")).isEqualTo(json("""
                {"name": "arcrun-registry", "main": "src/index.ts", "compatibility_date": "2025-01-01", "workers_dev": false,
                 "routes": [{"pattern": "arcrun.example.com/*", "zone_name": "example.com"}],
                 "vars": {"LOG_LEVEL": "info", "WORKERS_SUBDOMAIN": "acme"},
                 "kv_namespaces": [{"binding": "CREDENTIALS", "id": "id-cred-111"}, {"binding": "WORKFLOWS", "id": "id-wf-222"}],
                 "r2_buckets": [{"binding": "COMPONENT_BINARIES", "bucket_name": "arcrun-components"}],
                 "env": {"staging": {"kv_namespaces": [{"binding": "CREDENTIALS", "id": "staging-stays"}]}}}
                """));
        String first = Files.readString(dir.resolve("registry/wrangler.arcrun.json"));
        assertThat(ConfigInjector.injectAll(BundleDiscovery.discover(dir), VALUES)).extracting(ConfigInjector.Injected::changed)
                .as("injecting again").containsExactly(false);
        assertThat(dir.resolve("registry/wrangler.arcrun.json")).hasContent(first);
    }

    @Test
    void aConfigWithoutVarsGetsThemAndInlineOrDottedTomlIsReadLikeTables() throws IOException {
        write("a/wrangler.toml", "name = \"a\"\nkv_namespaces = [{ binding = \"RUNS\" }]\n");
        write("b/wrangler.toml", "name = \"b\"\nvars = { A = \"1\" }\n");
        write("c/wrangler.toml", "name = \"c\"\nvars.A = \"1\"\n[site]\nbucket = \"./p\"\n");
        write("d/wrangler.jsonc", "{\n  \"name\": \"d\",\n  \"main\": \"x.ts\"\n}\n");
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), VALUES);
        assertThat(generated("a")).isEqualTo(json("""
                {"name": "a", "kv_namespaces": [{"binding": "RUNS", "id": "id-runs-333"}], "vars": {"WORKERS_SUBDOMAIN": "acme"}}"""));
        assertThat(generated("b")).isEqualTo(json("{\"name\": \"b\", \"vars\": {\"A\": \"1\", \"WORKERS_SUBDOMAIN\": \"acme\"}}"));
        assertThat(generated("c")).isEqualTo(json("""
                {"name": "c", "vars": {"A": "1", "WORKERS_SUBDOMAIN": "acme"}, "site": {"bucket": "./p"}}"""));
        assertThat(generated("d")).isEqualTo(json("{\"name\": \"d\", \"main\": \"x.ts\", \"vars\": {\"WORKERS_SUBDOMAIN\": \"acme\"}}"));
    }

    @Test
    void valuesAreWrittenAsTheyAre() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\n[vars]\n");
        String odd = "a\"b\\c\n{{x}} ü";
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), new InjectionValues(Map.of(), Map.of(), Map.of("WORKERS_SUBDOMAIN", odd)));
        assertThat(generated("w").path("vars").path("WORKERS_SUBDOMAIN").asText()).isEqualTo(odd);
        assertThat(BundleDiscovery.discover(dir).workers().getFirst().vars()).containsEntry("WORKERS_SUBDOMAIN", odd);
    }

    @Test
    void jsoncWithCommentsAndTrailingCommasBecomesPlainJson() throws IOException {
        String jsonc = """
                {
                  // the executor
                  "name": "arcrun-cypher-executor",
                  "main": "src/index.ts", /* entry */
                  "kv_namespaces": [
                    { "binding": "CREDENTIALS", "id": "placeholder" },
                    {
                      "binding": "RUNS" // no id yet
                    },
                  ],
                  "r2_buckets": [{ "binding": "COMPONENT_BINARIES" }],
                  "vars": {
                    "LOG_LEVEL": "info", // keep me
                  },
                }
                """;
        Path original = write("executor/wrangler.jsonc", jsonc);
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), VALUES);
        assertThat(original).hasContent(jsonc);
        assertThat(generated("executor")).isEqualTo(json("""
                {"name": "arcrun-cypher-executor", "main": "src/index.ts",
                 "kv_namespaces": [{"binding": "CREDENTIALS", "id": "id-cred-111"}, {"binding": "RUNS", "id": "id-runs-333"}],
                 "r2_buckets": [{"binding": "COMPONENT_BINARIES", "bucket_name": "arcrun-components"}],
                 "vars": {"LOG_LEVEL": "info", "WORKERS_SUBDOMAIN": "acme"}}
                """));
    }

    @Test
    void renamesTheWorkerAndItsServiceBindingsAndNothingElse() throws IOException {
        write("executor/wrangler.toml", """
                name = "arcrun-cypher-executor" # the public one
                main = "src/index.ts"

                [[services]]
                binding = "AUDIT"
                service = "someone-elses-worker" # not ours: stays

                [[services]]
                binding = "REGISTRY"
                service = "arcrun-registry"   # renamed with the install

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "x"

                [env.staging]
                name = "arcrun-cypher-executor"
                """);
        write("registry/wrangler.jsonc", "{ \"name\": \"arcrun-registry\", // the registry\n }\n");
        write("someone/wrangler.toml", "name = \"someone-elses-worker\"\n");
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), RENAMED);
        assertThat(generated("executor")).isEqualTo(json("""
                {"name": "team2-cypher-executor", "main": "src/index.ts",
                 "services": [{"binding": "AUDIT", "service": "someone-elses-worker"}, {"binding": "REGISTRY", "service": "team2-registry"}],
                 "kv_namespaces": [{"binding": "CREDENTIALS", "id": "id-cred-111"}],
                 "env": {"staging": {"name": "arcrun-cypher-executor"}}}
                """));
        assertThat(generated("registry")).isEqualTo(json("{\"name\": \"team2-registry\"}"));
        assertThat(generated("someone").path("name").asText()).isEqualTo("someone-elses-worker");
    }

    @Test
    void discoveryThenSeesTheNewNamesAndTiersAndInjectingAgainWithThoseNamesGivesTheSameFiles() throws IOException {
        write("registry/wrangler.toml", "name = \"arcrun-registry\"\n");
        write("executor/wrangler.jsonc",
                "{ \"name\": \"arcrun-cypher-executor\", \"services\": [{ \"binding\": \"REGISTRY\", \"service\": \"arcrun-registry\" }] }\n");
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), RENAMED);
        Bundle renamed = BundleDiscovery.discover(dir);
        assertThat(renamed.workers()).extracting(Worker::name).containsExactly("team2-registry", "team2-cypher-executor");
        assertThat(renamed.workers().getLast().services()).containsEntry("REGISTRY", "team2-registry");
        assertThat(renamed.workers().getLast().tier()).isEqualTo(1);
        assertThat(renamed.workers()).extracting(Worker::config)
                .containsExactly(dir.resolve("registry/wrangler.arcrun.json"), dir.resolve("executor/wrangler.arcrun.json"));
        String registry = Files.readString(dir.resolve("registry/wrangler.arcrun.json"));
        String executor = Files.readString(dir.resolve("executor/wrangler.arcrun.json"));

        // A resumed install or a rollback sees the names above and renames them to themselves (WorkerNames keeps a
        // name that already has the prefix): the bundle's own names are still renamed.
        InjectionValues sameAgain = new InjectionValues(Map.of("CREDENTIALS", "id-cred-111"), Map.of(), Map.of(),
                Map.of("team2-registry", "team2-registry", "team2-cypher-executor", "team2-cypher-executor"));
        assertThat(ConfigInjector.injectAll(renamed, sameAgain)).extracting(ConfigInjector.Injected::changed).containsExactly(false, false);
        assertThat(ConfigInjector.injectAll(renamed, RENAMED)).extracting(ConfigInjector.Injected::changed).containsExactly(false, false);
        assertThat(dir.resolve("registry/wrangler.arcrun.json")).hasContent(registry);
        assertThat(dir.resolve("executor/wrangler.arcrun.json")).hasContent(executor);
    }

    /** A bundle folder today's main injected in place: its wrangler.toml already has the ids, names and vars. */
    @Test
    void aConfigInjectedInPlaceByAnEarlierVersionGivesTheSameWorkerWhenInjectedAgain() throws IOException {
        String injectedInPlace = """
                # arcrun-cypher-executor: the public API of the arcrun engine.
                name = "team2-cypher-executor"
                main = "src/index.ts"
                compatibility_date = "2025-10-01"
                workers_dev = true

                [vars]
                WORKERS_SUBDOMAIN = "acme"

                [[services]]
                binding = "REGISTRY"
                service = "team2-registry"

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "id-cred-111"
                """;
        Path executor = write("workers/cypher-executor/wrangler.toml", injectedInPlace);
        Path registry = write("workers/registry/wrangler.toml", "name = \"team2-registry\"\nmain = \"src/index.ts\"\n\n[vars]\nWORKERS_SUBDOMAIN = \"acme\"\n");
        Bundle before = BundleDiscovery.discover(dir);
        InjectionValues values = new InjectionValues(Map.of("CREDENTIALS", "id-cred-111"), Map.of(),
                Map.of("WORKERS_SUBDOMAIN", "acme"), Map.of("team2-registry", "team2-registry", "team2-cypher-executor", "team2-cypher-executor"));

        ConfigInjector.injectAll(before, values);

        assertThat(executor).hasContent(injectedInPlace);
        assertThat(generated("workers/cypher-executor")).isEqualTo(ConfigReader.read(executor, ConfigFormat.TOML));
        assertThat(generated("workers/registry")).isEqualTo(ConfigReader.read(registry, ConfigFormat.TOML));
        Bundle after = BundleDiscovery.discover(dir);
        assertThat(after.workers()).extracting(Worker::name, Worker::tier, Worker::services, Worker::vars)
                .isEqualTo(before.workers().stream().map(w -> org.assertj.core.groups.Tuple.tuple(w.name(), w.tier(), w.services(), w.vars())).toList());
        assertThat(ConfigInjector.injectAll(after, values)).extracting(ConfigInjector.Injected::changed).containsExactly(false, false);
    }

    @Test
    void theGeneratedConfigIsNeverAWorkerOfItsOwn() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\n");
        write("stray/wrangler.arcrun.json", "{\"name\": \"stray\"}");
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), VALUES);
        assertThat(BundleDiscovery.discover(dir).workers()).extracting(Worker::name).containsExactly("w");
        assertThat(ConfigInjector.configIn(dir.resolve("w"))).isEqualTo(dir.resolve("w/wrangler.arcrun.json"));
        assertThat(ConfigInjector.configIn(dir.resolve("none"))).as("nothing injected yet").isEqualTo(dir.resolve("none/wrangler.toml"));
    }

    @Test
    void aBindingTheResourcesLackIsAFailureAndNoFileIsWritten() throws IOException {
        String okText = "name = \"a\"\nkv_namespaces = [{ binding = \"RUNS\", id = \"x\" }]\n";
        String badText = "name = \"b\"\nr2_buckets = [{ binding = \"SESSIONS\" }]\n";
        write("a/wrangler.toml", okText);
        write("b/wrangler.toml", badText);
        Bundle bundle = BundleDiscovery.discover(dir);

        assertThatThrownBy(() -> ConfigInjector.injectAll(bundle, VALUES)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.R2_NOT_PROVISIONED, dir.resolve("b/wrangler.toml"), "SESSIONS"));
            assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.PROVISION_FOR_BUNDLE);
            assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(e.failure())).contains("R2 儲存桶 SESSIONS").contains("b/wrangler.toml");
        });
        assertThat(dir.resolve("a/wrangler.arcrun.json")).doesNotExist();
        assertThat(dir.resolve("b/wrangler.arcrun.json")).doesNotExist();
        assertThat(dir.resolve("a/wrangler.toml")).hasContent(okText);
    }

    @Test
    void anInvalidConfigIsAFailureWithItsLine() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\nmain = \"src/index.ts\"\ncompatibility_date = = 3\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(dir)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.failure().code()).isEqualTo(Failure.Code.WRANGLER_CONFIG_INVALID_AT);
            assertThat(e.failure().args()).startsWith("TOML", dir.resolve("w/wrangler.toml"), 3);
            assertThat(e.getMessage()).contains("not valid TOML at line 3");
            assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(e.failure())).contains("第 3 行不是有效的 TOML");
            assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.WRANGLER_CONFIG_FIX);
        });
        Files.delete(dir.resolve("w/wrangler.toml"));
        write("w/wrangler.json", "[\"not\", \"settings\"]");
        assertThatThrownBy(() -> BundleDiscovery.discover(dir)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.WRANGLER_CONFIG_EMPTY, dir.resolve("w/wrangler.json"))));
    }

    @Test
    void readsTheResourcesFileOfCfProvision() throws IOException {
        Path f = dir.resolve("resources.json");
        Files.writeString(f, """
                {"account_id": "abc", "subdomain": "acme",
                 "kv": [{"binding": "CREDENTIALS", "title": "arcrun-credentials", "id": "k1", "action": "created"}],
                 "r2": [{"binding": "COMPONENT_BINARIES", "name": "arcrun-components", "action": "existing"}]}
                """);
        InjectionValues v = ProvisionedResources.read(f).toInjectionValues();
        assertThat(v).isEqualTo(new InjectionValues(Map.of("CREDENTIALS", "k1"), Map.of("COMPONENT_BINARIES", "arcrun-components"),
                Map.of("WORKERS_SUBDOMAIN", "acme")));
        Files.writeString(f, "{\"kv\": [{\"binding\": \"X\"}]}");
        assertThatThrownBy(() -> ProvisionedResources.read(f)).hasMessageContaining("without a binding or an id");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> ProvisionedResources.read(f)).hasMessageContaining("line 1")
                .satisfies(e -> assertThat(((dev.arcrun.core.UserFacingException) e).adviceFact().code())
                        .isEqualTo(dev.arcrun.core.Advice.Code.PROVISION_OUTPUT));
    }

    @Test
    void aHugeOrDeeplyNestedConfigInAHostileBundleIsRefusedAsBrokenNotReadIntoMemoryOrCrashing() throws IOException {
        write("big/wrangler.toml", "name = \"big\"\nmain = \"index.js\"\n# " + "x".repeat((int) ConfigReader.MAX_BYTES) + "\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(dir))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo(Failure.Code.WRANGLER_CONFIG_TOO_LARGE);
                    assertThat(e.adviceFact()).isEqualTo(Advice.of(Advice.Code.WRANGLER_CONFIG_FIX));
                    assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(e.failure())).contains("wrangler 設定檔", "位元組");
                });
        Files.delete(dir.resolve("big/wrangler.toml"));

        write("deep/wrangler.toml", "name = \"deep\"\nx = " + "[".repeat(100_000) + "\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(dir))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.failure().code()).isIn(Failure.Code.WRANGLER_CONFIG_INVALID, Failure.Code.WRANGLER_CONFIG_INVALID_AT));
    }

}
