package dev.arcrun.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.cli.ArcrunCli;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.testkit.http.HttpFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BundleCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = command == null ? ArcrunCli.newCommandLine() : new CommandLine(command);
        if (command != null) {
            cl.setExecutionExceptionHandler(ArcrunCli.newCommandLine().getExecutionExceptionHandler());
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static byte[] engine() throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("arcrun-main/arcrun.bundle.json", "{\"name\": \"arcrun\", \"version\": \"2.0.0\"}");
        files.put("arcrun-main/registry/wrangler.toml", """
                name = "arcrun-registry"
                # ids come from provisioning
                [[kv_namespaces]]
                binding = "COMPONENTS"
                id = "placeholder"
                """);
        files.put("arcrun-main/executor/wrangler.jsonc", """
                {
                  "name": "arcrun-cypher-executor", // executor
                  "services": [{ "binding": "REGISTRY", "service": "arcrun-registry" }],
                  "kv_namespaces": [{ "binding": "RUNS", "id": "placeholder" }],
                  "r2_buckets": [{ "binding": "COMPONENT_BINARIES", "bucket_name": "placeholder" }],
                }
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (var e : files.entrySet()) {
                byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(b.length);
                tar.putArchiveEntry(entry);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void fetchJsonListsWorkersInTierOrder() throws Exception {
        byte[] tarball = engine();
        try (HttpFixture server = HttpFixture.serving(tarball).redirects(1).start()) {
            Path dest = tmp.resolve("bundle");
            int code = run(new FetchCommand(new AppHome(tmp.resolve("home"))), "--source", server.uri().toString(),
                    "--dest", dest.toString(), "--sha256", sha256(tarball), "--json");
            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("sha256").asText()).isEqualTo(sha256(tarball));
            assertThat(json.get("version").asText()).isEqualTo("2.0.0");
            assertThat(json.get("workers").toString()).isEqualTo("""
                    [{"name":"arcrun-registry","path":"registry","tier":0,"kv":["COMPONENTS"],"r2":[],"services":[]},\
                    {"name":"arcrun-cypher-executor","path":"executor","tier":1,"kv":["RUNS"],"r2":["COMPONENT_BINARIES"],\
                    "services":["arcrun-registry"]}]""");
            assertThat(err.toString()).as("no progress when stderr is not a terminal").isEmpty();
            assertThat(out.toString().lines()).hasSize(1);
        }
    }

    @Test
    void fetchPrintsAReadableSummaryWithoutJson() throws Exception {
        Path archive = Files.write(tmp.resolve("e.tar.gz"), engine());
        int code = run(new FetchCommand(new AppHome(tmp.resolve("home"))), "--source", archive.toString(), "--dest",
                tmp.resolve("b").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("tier 0  arcrun-registry").contains("tier 1  arcrun-cypher-executor")
                .contains("binds: arcrun-registry").contains("version  2.0.0");
    }

    @Test
    void a404IsOneLineOnStderrAndExitCode1() {
        try (HttpFixture server = HttpFixture.serving(new byte[10]).notFoundHtml().start()) {
            int code = run(new FetchCommand(new AppHome(tmp.resolve("home"))), "--source", server.uri().toString(),
                    "--dest", tmp.resolve("b").toString());
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("arcrun: Nothing found at").contains("HTTP 404");
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(tmp.resolve("b")).doesNotExist();
        }
    }

    @Test
    void injectWritesAGeneratedConfigBesideEachWorkersOwn() throws Exception {
        Path archive = Files.write(tmp.resolve("e.tar.gz"), engine());
        Path dest = tmp.resolve("b");
        assertThat(run(new FetchCommand(new AppHome(tmp.resolve("home"))), "--source", archive.toString(), "--dest", dest.toString()))
                .isZero();
        Path resources = Files.writeString(tmp.resolve("resources.json"), """
                {"account_id": "acc", "subdomain": "acme",
                 "kv": [{"binding": "COMPONENTS", "title": "arcrun-components", "id": "kv-comp", "action": "created"},
                        {"binding": "RUNS", "title": "arcrun-runs", "id": "kv-runs", "action": "existing"}],
                 "r2": [{"binding": "COMPONENT_BINARIES", "name": "arcrun-components", "action": "created"}]}
                """);
        out.getBuffer().setLength(0);

        int code = run(null, "bundle", "inject", "--dir", dest.toString(), "--resources", resources.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("updated    registry/wrangler.arcrun.json  (arcrun-registry)");
        // The bundle's own files stay as they came; wrangler is given the generated config beside each.
        assertThat(dest.resolve("registry/wrangler.toml")).content().contains("# ids come from provisioning")
                .doesNotContain("kv-comp");
        assertThat(dest.resolve("executor/wrangler.jsonc")).content().contains("// executor").doesNotContain("kv-runs");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var registry = json.readTree(dest.resolve("registry/wrangler.arcrun.json").toFile());
        assertThat(registry.at("/kv_namespaces/0/id").asText()).isEqualTo("kv-comp");
        assertThat(registry.at("/vars/WORKERS_SUBDOMAIN").asText()).isEqualTo("acme");
        var executor = json.readTree(dest.resolve("executor/wrangler.arcrun.json").toFile());
        assertThat(executor.findValuesAsText("id")).contains("kv-runs");
        assertThat(executor.at("/r2_buckets/0/bucket_name").asText()).isEqualTo("arcrun-components");
        out.getBuffer().setLength(0);
        assertThat(run(null, "bundle", "inject", "--dir", dest.toString(), "--resources", resources.toString())).isZero();
        assertThat(out.toString()).contains("unchanged  registry/wrangler.arcrun.json  (arcrun-registry)");
    }

    @Test
    void missingOptionsAreAUsageError() {
        assertThat(run(null, "bundle", "fetch", "--dest", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--source");
    }
}
