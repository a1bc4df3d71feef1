package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDiscoveryTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void ordersThreeTiersFromServiceBindingsAndCollectsWhatTheyBind() throws IOException {
        Path archive = root.resolve("engine.tar.gz");
        Files.write(archive, Tarballs.engine("arcrun-0123abc"));
        Path dest = root.resolve("engine");
        new BundleExtractor().extract(archive, dest);

        Bundle b = BundleDiscovery.discover(dest);

        assertThat(b.workers()).extracting(Worker::name, Worker::tier, Worker::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("arcrun-registry", 0, "workers/registry"),
                org.assertj.core.groups.Tuple.tuple("arcrun-cypher-executor", 1, "workers/executor"),
                org.assertj.core.groups.Tuple.tuple("arcrun-gateway", 2, "workers/gateway"));
        assertThat(b.tiers()).hasSize(3);
        Worker exec = b.workers().get(1);
        assertThat(exec.format()).isEqualTo(ConfigFormat.JSONC);
        assertThat(exec.services()).isEqualTo(Map.of("REGISTRY", "arcrun-registry"));
        assertThat(exec.r2()).containsExactly("COMPONENT_BINARIES");
        assertThat(b.workers().getFirst().kv()).containsExactly("COMPONENTS");
        assertThat(b.version()).contains("1.2.3");
        BundleManifest m = b.manifest().orElseThrow();
        assertThat(m.secrets()).containsExactly(new BundleManifest.Secret("API_KEY", "arcrun-cypher-executor", true, "Key clients send"));
        assertThat(m.seeds()).containsExactly(new BundleManifest.Seeds("api_recipe", "seeds/api-recipes", "id"));
    }

    @Test
    void workersInOneTierAreOrderedByNameAndSelfBindingsNeedNoOrder() throws IOException {
        write("b/wrangler.toml", "name = \"b\"\nservices = [{ binding = \"SELF\", service = \"b\" }]\n");
        write("a/wrangler.json", "{\"name\": \"a\"}");
        write("c/wrangler.toml", "name = \"c\"\n[[services]]\nbinding = \"A\"\nservice = \"a\"\n[[services]]\nbinding = \"B\"\nservice = \"b\"\n");
        Bundle bundle = BundleDiscovery.discover(root);
        assertThat(bundle.workers()).extracting(Worker::name).containsExactly("a", "b", "c");
        assertThat(bundle.tiers()).extracting(t -> t.stream().map(Worker::name).toList())
                .containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void skipsNodeModulesAndDotFolders() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\n");
        write("w/node_modules/pkg/wrangler.toml", "name = \"dep\"\n");
        write(".github/wrangler.toml", "name = \"hidden\"\n");
        write("w/.wrangler/tmp/wrangler.json", "{\"name\": \"tmp\"}");
        assertThat(BundleDiscovery.discover(root).workers()).extracting(Worker::name).containsExactly("w");
    }

    @Test
    void aCycleIsAClearError() throws IOException {
        write("a/wrangler.toml", "name = \"a\"\nservices = [{ binding = \"B\", service = \"b\" }]\n");
        write("b/wrangler.toml", "name = \"b\"\nservices = [{ binding = \"C\", service = \"c\" }]\n");
        write("c/wrangler.jsonc", "{ \"name\": \"c\", \"services\": [{ \"binding\": \"A\", \"service\": \"a\" }] }");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_CYCLE))
                .hasMessageContaining("a → b → c → a");
    }

    @Test
    void aBindingToAWorkerNotInTheBundleIsAClearError() throws IOException {
        write("x/wrangler.toml", "name = \"x\"\nservices = [{ binding = \"REGISTRY\", service = \"arcrun-registry\" }]\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"x\"").hasMessageContaining("arcrun-registry").hasMessageContaining("REGISTRY")
                .hasMessageContaining("x/wrangler.toml").satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_SERVICE_UNKNOWN));
    }

    @Test
    void anInvalidTomlNamesTheFileAndLine() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\nmain = \"src/index.ts\"\ncompatibility_date = = 3\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining(root.resolve("w/wrangler.toml").toString()).hasMessageContaining("line 3");
    }

    @Test
    void jsoncAllowsCommentsAndTrailingCommasButAnInvalidOneNamesTheLine() throws IOException {
        write("ok/wrangler.jsonc", "{\n  // comment\n  \"name\": \"ok\", /* more */\n  \"vars\": { \"A\": \"1\", },\n}\n");
        write("bad/wrangler.jsonc", "{\n  \"name\": \"bad\",\n\n  \"vars\": { \"A\" \"1\" }\n}\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("bad/wrangler.jsonc").hasMessageContaining("line 4");
        Files.delete(root.resolve("bad/wrangler.jsonc"));
        assertThat(BundleDiscovery.discover(root).workers().getFirst().vars()).isEqualTo(Map.of("A", "1"));
    }

    @Test
    void noWorkersOrAWorkerWithoutANameAreErrors() throws IOException {
        write("readme.md", "x");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_NO_WORKER));
        write("w/wrangler.toml", "main = \"x.js\"\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_WORKER_UNNAMED));
    }

    @Test
    void duplicateWorkerNamesAreAnError() throws IOException {
        write("a/wrangler.toml", "name = \"same\"\n");
        write("b/wrangler.toml", "name = \"same\"\n");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).hasMessageContaining("\"same\"").satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.BUNDLE_WORKER_TWICE));
    }

    @Test
    void aManifestNamingASeedFolderOutsideTheBundleIsRefused() throws IOException {
        write("w/wrangler.toml", "name = \"w\"\n");
        write("arcrun.bundle.json", "{\"name\":\"x\",\"version\":\"1\",\"seeds\":[{\"kind\":\"auth_recipe\",\"dir\":\"../../etc\"}]}");
        assertThatThrownBy(() -> BundleDiscovery.discover(root)).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.MANIFEST_SEED_FOLDER));
    }
}
