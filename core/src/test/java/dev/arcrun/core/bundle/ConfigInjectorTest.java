package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injection edits only the values concerned: everything else of the file comes back byte for byte. */
class ConfigInjectorTest {
    private static final Path FILE = Path.of("wrangler.toml");
    private static final InjectionValues VALUES = new InjectionValues(
            Map.of("CREDENTIALS", "id-cred-111", "WORKFLOWS", "id-wf-222", "RUNS", "id-runs-333"),
            Map.of("COMPONENT_BINARIES", "arcrun-components"),
            Map.of("WORKERS_SUBDOMAIN", "acme"));

    @Test
    void tomlRoundTrip() {
        String before = """
                # arcrun registry
                name = "arcrun-registry"   # the worker
                main = "src/index.ts"
                compatibility_date = "2025-01-01"
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
        String expected = """
                # arcrun registry
                name = "arcrun-registry"   # the worker
                main = "src/index.ts"
                compatibility_date = "2025-01-01"
                routes = [
                  { pattern = "arcrun.example.com/*", zone_name = "example.com" }, # inline
                ]

                [vars]
                LOG_LEVEL = "info"  # keep me
                WORKERS_SUBDOMAIN = "acme"

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                # id goes here
                id = "id-cred-111"

                [[kv_namespaces]]
                  binding = 'WORKFLOWS'   # no id yet
                  id = "id-wf-222"

                [[r2_buckets]]
                binding = "COMPONENT_BINARIES"
                bucket_name = "arcrun-components"

                [env.staging]
                kv_namespaces = [{ binding = "CREDENTIALS", id = "staging-stays" }]
                """;
        String after = ConfigInjector.inject(ConfigFormat.TOML, before, VALUES, FILE);
        assertThat(after).isEqualTo(expected);
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, after, VALUES, FILE)).as("idempotent").isEqualTo(after);
    }

    @Test
    void tomlWithoutVarsGetsAVarsTableAtTheEndAndInlineTablesGetTheMissingId() {
        String before = "name = \"w\"\nkv_namespaces = [{ binding = \"RUNS\" }]\n";
        String after = ConfigInjector.inject(ConfigFormat.TOML, before, VALUES, FILE);
        assertThat(after).isEqualTo("""
                name = "w"
                kv_namespaces = [{ binding = "RUNS", id = "id-runs-333" }]

                [vars]
                WORKERS_SUBDOMAIN = "acme"
                """);
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, after, VALUES, FILE)).isEqualTo(after);
    }

    @Test
    void tomlInlineAndDottedVarsAreEditedWhereTheyAre() {
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, "name = \"w\"\nvars = { A = \"1\" }\n", VALUES, FILE))
                .isEqualTo("name = \"w\"\nvars = { A = \"1\", WORKERS_SUBDOMAIN = \"acme\" }\n");
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, "name = \"w\"\nvars.A = \"1\"\n[site]\nbucket = \"./p\"\n", VALUES, FILE))
                .isEqualTo("name = \"w\"\nvars.A = \"1\"\nvars.WORKERS_SUBDOMAIN = \"acme\"\n[site]\nbucket = \"./p\"\n");
    }

    @Test
    void valuesAreEscaped() {
        InjectionValues odd = new InjectionValues(Map.of(), Map.of(), Map.of("WORKERS_SUBDOMAIN", "a\"b\\c"));
        String toml = ConfigInjector.inject(ConfigFormat.TOML, "name = \"w\"\n[vars]\n", odd, FILE);
        assertThat(toml).isEqualTo("name = \"w\"\n[vars]\nWORKERS_SUBDOMAIN = \"a\\\"b\\\\c\"\n");
        String json = ConfigInjector.inject(ConfigFormat.JSON, "{\"name\": \"w\"}", odd, Path.of("wrangler.json"));
        assertThat(json).isEqualTo("{\"name\": \"w\", \"vars\": { \"WORKERS_SUBDOMAIN\": \"a\\\"b\\\\c\" }}");
    }

    @Test
    void jsoncRoundTrip() {
        String before = """
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
                  "services": [{ "binding": "REGISTRY", "service": "arcrun-registry" }],
                }
                """;
        String expected = """
                {
                  // the executor
                  "name": "arcrun-cypher-executor",
                  "main": "src/index.ts", /* entry */
                  "kv_namespaces": [
                    { "binding": "CREDENTIALS", "id": "id-cred-111" },
                    {
                      "binding": "RUNS", // no id yet
                      "id": "id-runs-333"
                    },
                  ],
                  "r2_buckets": [{ "binding": "COMPONENT_BINARIES", "bucket_name": "arcrun-components" }],
                  "vars": {
                    "LOG_LEVEL": "info", // keep me
                    "WORKERS_SUBDOMAIN": "acme",
                  },
                  "services": [{ "binding": "REGISTRY", "service": "arcrun-registry" }],
                }
                """;
        Path jsonc = Path.of("wrangler.jsonc");
        String after = ConfigInjector.inject(ConfigFormat.JSONC, before, VALUES, jsonc);
        assertThat(after).isEqualTo(expected);
        assertThat(ConfigInjector.inject(ConfigFormat.JSONC, after, VALUES, jsonc)).as("idempotent").isEqualTo(after);
    }

    @Test
    void jsoncWithoutVarsGetsThemAsTheLastMember() {
        String before = "{\n  \"name\": \"w\",\n  \"main\": \"x.ts\"\n}\n";
        String after = ConfigInjector.inject(ConfigFormat.JSONC, before, VALUES, Path.of("wrangler.jsonc"));
        assertThat(after).isEqualTo("{\n  \"name\": \"w\",\n  \"main\": \"x.ts\",\n  \"vars\": { \"WORKERS_SUBDOMAIN\": \"acme\" }\n}\n");
    }

    private static final InjectionValues RENAMED = new InjectionValues(Map.of("CREDENTIALS", "id-cred-111"), Map.of(), Map.of(),
            Map.of("arcrun-registry", "team2-registry", "arcrun-cypher-executor", "team2-cypher-executor"));

    @Test
    void tomlRenamesTheWorkerAndItsServiceBindingsAndNothingElse() {
        String before = """
                name = "arcrun-cypher-executor" # the public one
                main = "src/index.ts"

                [[services]]
                binding = "AUDIT"
                service = "someone-elses-worker" # not ours: stays

                [[services]]
                # the registry
                binding = "REGISTRY"
                service = "arcrun-registry"   # renamed with the install

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "x"

                [env.staging]
                name = "arcrun-cypher-executor"
                """;
        String expected = """
                name = "team2-cypher-executor" # the public one
                main = "src/index.ts"

                [[services]]
                binding = "AUDIT"
                service = "someone-elses-worker" # not ours: stays

                [[services]]
                # the registry
                binding = "REGISTRY"
                service = "team2-registry"   # renamed with the install

                [[kv_namespaces]]
                binding = "CREDENTIALS"
                id = "id-cred-111"

                [env.staging]
                name = "arcrun-cypher-executor"
                """;
        String after = ConfigInjector.inject(ConfigFormat.TOML, before, RENAMED, FILE);
        assertThat(after).isEqualTo(expected);
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, after, RENAMED, FILE)).as("idempotent").isEqualTo(after);
    }

    @Test
    void tomlInlineServiceBindingsAreRenamedInPlace() {
        String before = """
                name = 'arcrun-cypher-executor'
                services = [
                  { binding = "AUDIT", service = "someone-elses-worker" }, # not ours: stays
                  { binding = "REGISTRY", service = 'arcrun-registry' },
                ]
                """;
        String after = ConfigInjector.inject(ConfigFormat.TOML, before, RENAMED, FILE);
        assertThat(after).isEqualTo("""
                name = "team2-cypher-executor"
                services = [
                  { binding = "AUDIT", service = "someone-elses-worker" }, # not ours: stays
                  { binding = "REGISTRY", service = "team2-registry" },
                ]
                """);
        assertThat(ConfigInjector.inject(ConfigFormat.TOML, after, RENAMED, FILE)).isEqualTo(after);
    }

    @Test
    void jsoncRenamesTheWorkerAndItsServiceBindingsKeepingComments() {
        String before = """
                {
                  // the executor
                  "name": "arcrun-cypher-executor", // public
                  "services": [
                    { "binding": "REGISTRY", /* ours */ "service": "arcrun-registry" },
                    { "binding": "AUDIT", "service": "someone-elses-worker", },
                  ],
                  "kv_namespaces": [{ "binding": "CREDENTIALS", "id": "x" }],
                }
                """;
        String expected = """
                {
                  // the executor
                  "name": "team2-cypher-executor", // public
                  "services": [
                    { "binding": "REGISTRY", /* ours */ "service": "team2-registry" },
                    { "binding": "AUDIT", "service": "someone-elses-worker", },
                  ],
                  "kv_namespaces": [{ "binding": "CREDENTIALS", "id": "id-cred-111" }],
                }
                """;
        Path jsonc = Path.of("wrangler.jsonc");
        String after = ConfigInjector.inject(ConfigFormat.JSONC, before, RENAMED, jsonc);
        assertThat(after).isEqualTo(expected);
        assertThat(ConfigInjector.inject(ConfigFormat.JSONC, after, RENAMED, jsonc)).as("idempotent").isEqualTo(after);
    }

    @Test
    void injectAllRenamesSoDiscoveryThenSeesTheNewNamesAndTiers(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("registry"));
        Files.createDirectories(dir.resolve("executor"));
        Files.writeString(dir.resolve("registry/wrangler.toml"), "name = \"arcrun-registry\"\n");
        Files.writeString(dir.resolve("executor/wrangler.jsonc"),
                "{ \"name\": \"arcrun-cypher-executor\", \"services\": [{ \"binding\": \"REGISTRY\", \"service\": \"arcrun-registry\" }] }\n");
        ConfigInjector.injectAll(BundleDiscovery.discover(dir), RENAMED);
        Bundle renamed = BundleDiscovery.discover(dir);
        assertThat(renamed.workers()).extracting(Worker::name).containsExactly("team2-registry", "team2-cypher-executor");
        assertThat(renamed.workers().getLast().services()).containsEntry("REGISTRY", "team2-registry");
        assertThat(renamed.workers().getLast().tier()).isEqualTo(1);
    }

    @Test
    void aBindingTheResourcesLackIsAnErrorAndNoFileChanges(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        String okText = "name = \"a\"\nkv_namespaces = [{ binding = \"RUNS\", id = \"x\" }]\n";
        String badText = "name = \"b\"\nkv_namespaces = [{ binding = \"SESSIONS\", id = \"x\" }]\n";
        Files.writeString(dir.resolve("a/wrangler.toml"), okText);
        Files.writeString(dir.resolve("b/wrangler.toml"), badText);
        Bundle bundle = BundleDiscovery.discover(dir);

        assertThatThrownBy(() -> ConfigInjector.injectAll(bundle, VALUES)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("SESSIONS").hasMessageContaining("b/wrangler.toml");
        assertThat(dir.resolve("a/wrangler.toml")).hasContent(okText);
        assertThat(dir.resolve("b/wrangler.toml")).hasContent(badText);
    }

    @Test
    void injectAllWritesEachWorkerAndReportsWhatChanged(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/wrangler.toml"), "name = \"a\"\nkv_namespaces = [{ binding = \"RUNS\", id = \"x\" }]\n");
        Bundle bundle = BundleDiscovery.discover(dir);
        assertThat(ConfigInjector.injectAll(bundle, VALUES)).extracting(ConfigInjector.Injected::changed).containsExactly(true);
        assertThat(ConfigInjector.injectAll(bundle, VALUES)).extracting(ConfigInjector.Injected::changed).containsExactly(false);
        assertThat(BundleDiscovery.discover(dir).workers().getFirst().vars()).containsEntry("WORKERS_SUBDOMAIN", "acme");
        try (var s = Files.list(dir.resolve("a"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("wrangler.toml");
        }
    }

    @Test
    void readsTheResourcesFileOfCfProvision(@TempDir Path dir) throws IOException {
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
}
